"""Documents for staff: a letter's PDF exactly as it was sent (`letter_document`)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from heatbill.adapters.db.letter_documents import SqlLetterDocuments
from heatbill.entrypoints.web.context import StaffDep, WebDep

router = APIRouter(include_in_schema=False)


@router.get("/brev/{letter_id}.pdf")
def letter_pdf(letter_id: int, staff: StaffDep, web: WebDep) -> Response:
    with web.read() as uow:
        document = SqlLetterDocuments(uow.connection, staff.utility_id).document(letter_id)
    return Response(
        document.pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="brev-{letter_id}.pdf"'},
    )
