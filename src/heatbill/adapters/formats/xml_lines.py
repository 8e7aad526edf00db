"""Reading an untrusted XML file into ElementTree elements that know their line.

ElementTree does not keep line numbers, and every problem in an imported file must name its
line; so the tree is built here from expat's events, with each element's line kept beside it.
A file with a document type declaration (DOCTYPE, entities) is refused outright: ISO 20022
messages have none, and refusing them closes the door on entity expansion and external
entities before expat sees a single one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import NoReturn
from xml.parsers import expat

from heatbill.adapters.formats.problems import FileFormatError, LineProblem
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class XmlFile:
    root: ET.Element
    lines: dict[int, int] = field(repr=False)
    """id(element) → its line; the elements live as long as `root` does."""

    def line(self, element: ET.Element) -> int:
        return self.lines[id(element)]


class _DoctypeError(Exception):
    pass


def read_xml(data: bytes, source: str) -> XmlFile:
    """The document, or FileFormatError naming the line where it stops being XML."""
    parser = expat.ParserCreate(namespace_separator="}")
    stack: list[ET.Element] = []
    lines: dict[int, int] = {}
    roots: list[ET.Element] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = "{" + name if "}" in name else name
        element = ET.Element(tag, attrs) if not stack else ET.SubElement(stack[-1], tag, attrs)
        lines[id(element)] = parser.CurrentLineNumber
        if not stack:
            roots.append(element)
        stack.append(element)

    def end(_: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        element = stack[-1]
        element.text = (element.text or "") + data

    def doctype(*_: object) -> NoReturn:
        raise _DoctypeError

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except _DoctypeError:
        _refuse(source, parser.CurrentLineNumber, say("xml.doctype"))
    except expat.ExpatError as error:
        _refuse(source, error.lineno, say("xml.syntax", reason=expat.errors.messages[error.code]))
    return XmlFile(roots[0], lines)


def _refuse(source: str, line: int, message: str) -> NoReturn:
    raise FileFormatError(source, [LineProblem(line, None, message)])
