"""End-to-end in a real browser: headless Chromium (Debian's `chromium`, driven by Playwright)
against the real app, served by uvicorn on a copy of the SQLite town. Each test is what a
staff member or a customer does: find a customer, read a case and what happens next, grant a
payment plan, look through the day's lists, sign in to the portal and report a move.

Screenshots of the main pages are kept as test artefacts in $HEATBILL_ARTEFACTS (default
var/test-artefacts/screenshots in the repository). A page that logs a console error (a
missing file, a style the content security policy blocks) fails its test.

Chromium is $HEATBILL_CHROMIUM (default Debian's /usr/bin/chromium; `scripts/ensure-chromium`
installs it). Without it the tests are skipped on a developer's machine but FAIL on CI (CI or
HEATBILL_REQUIRE_POSTGRES set), the rule tests/integration/conftest.py has for PostgreSQL.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, expect, sync_playwright

from heatbill.domain.access import Role
from heatbill.entrypoints.web.app import create_app
from heatbill.entrypoints.web.settings import WebSettings
from tests.integration.conftest import _postgres_required as chromium_required
from tests.web.live import (
    claims_with_a_next_step,
    closed_claims,
    copy_of,
    in_arrears,
    served,
    settled_pin,
)
from tests.web.town import PASSWORD, Town

CHROMIUM_ENV = "HEATBILL_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTEFACTS_ENV = "HEATBILL_ARTEFACTS"
REPOSITORY = Path(__file__).resolve().parents[2]
CLAUSE = re.compile(r"^(solrod|vestervig|aalborg) \d+\.\d+")


# --- the browser, the app and the pages -----------------------------------------------------
@pytest.fixture(scope="session")
def chromium() -> str:
    path = os.environ.get(CHROMIUM_ENV, DEFAULT_CHROMIUM)
    if not os.access(path, os.X_OK):
        message = f"no Chromium at {path} (apt-get install chromium, or set {CHROMIUM_ENV})"
        if chromium_required():
            pytest.fail(message + " (required on CI)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def web_town(chromium: str, sqlite_town: Town, tmp_path_factory: pytest.TempPathFactory) -> Town:
    """The town in a database of its own: these tests grant plans and report moves."""
    return copy_of(sqlite_town, tmp_path_factory.mktemp("browser") / "town.sqlite3")


@pytest.fixture(scope="module")
def base_url(web_town: Town) -> Iterator[str]:
    with served(create_app(WebSettings(today=web_town.today), engine=web_town.engine)) as url:
        yield url


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh browser context (no cookies) on the app; console errors fail the test."""
    context = browser.new_context(
        base_url=base_url, locale="da-DK", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    opened = context.new_page()
    problems: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"{opened.url}: {message.text}")

    def page_error(error: Error) -> None:
        problems.append(f"{opened.url}: {error.message}")

    opened.on("console", console)
    opened.on("pageerror", page_error)
    yield opened
    context.close()
    assert not problems, problems


def screenshot(page: Page, name: str) -> None:
    given = os.environ.get(ARTEFACTS_ENV)
    folder = Path(given) if given else REPOSITORY / "var" / "test-artefacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)


def sign_in(page: Page, town: Town, role: Role, *, shoot: bool = False) -> None:
    page.goto("/login")
    if shoot:
        screenshot(page, "01-login")
    page.get_by_label("Brugernavn").fill(town.users[role])
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.locator("header .who")).to_contain_text(f"Test {role.value}")


def table_after(page: Page, heading: str) -> str:
    """The CSS selector of the table that follows a heading."""
    return f"h2:has-text('{heading}') + table"


# --- staff ------------------------------------------------------------------------------------
def test_customer_service_finds_a_customer_by_name_and_number(page: Page, web_town: Town) -> None:
    number, name = in_arrears(web_town)
    sign_in(page, web_town, Role.CUSTOMER_SERVICE, shoot=True)

    search = page.get_by_role("searchbox")
    search.fill(number)
    page.get_by_role("button", name="Søg").click()
    expect(page.locator("main table tbody tr")).to_have_count(1)
    expect(page.locator("main table")).to_contain_text(name)

    search = page.get_by_role("searchbox")
    search.fill(name)
    page.get_by_role("button", name="Søg").click()
    expect(page.get_by_role("heading", name=re.compile(r"\d+ fundet for"))).to_be_visible()
    screenshot(page, "02-search-results")
    page.get_by_role("link", name=number, exact=True).first.click()

    expect(page.locator("h1")).to_contain_text(f"Målested {number}")
    expect(page.locator(table_after(page, "Kundeforhold"))).to_contain_text(name)
    expect(page.locator("svg.chart")).to_be_visible()
    assert page.locator("svg.chart rect.used").count() > 0
    assert page.locator(f"{table_after(page, 'Aflæsninger')} tbody tr").count() > 0
    bills = page.locator(f"{table_after(page, 'Regninger')} tbody tr")
    assert bills.count() > 0
    expect(bills.first).to_contain_text("kr.")
    expect(page.get_by_role("heading", name=re.compile("^Kontoudtog"))).to_be_visible()
    expect(page.locator(table_after(page, "Åbne poster"))).to_contain_text("kr.")
    expect(page.get_by_role("link", name=re.compile("^Krav "))).not_to_have_count(0)
    letters = page.locator(table_after(page, "Breve som sendt"))
    expect(letters).to_contain_text("Acontoregning")
    expect(letters).not_to_contain_text("installment_bill")
    screenshot(page, "03-customer")


def test_a_closed_case_shows_its_steps_with_clauses_and_why_nothing_happens(
    page: Page, web_town: Town
) -> None:
    closed = closed_claims(web_town)
    assert closed, "the town has no closed claim"
    sign_in(page, web_town, Role.READ_ONLY)
    page.goto(f"/sag/{closed[0]}")

    expect(page.locator("h1")).to_contain_text("Sag: krav")
    expect(page.locator("main")).to_contain_text("lukket for varmen")
    steps = page.locator(f"{table_after(page, 'Trin')} tbody tr")
    assert steps.count() >= 3
    expect(steps.last).to_contain_text("Lukket for varmen")
    for clause in page.locator(f"{table_after(page, 'Trin')} tbody .tag").all_inner_texts():
        assert CLAUSE.match(clause), clause
    next_step = page.locator("div.next")
    expect(next_step).to_contain_text("Intet trin nu")
    assert CLAUSE.match(next_step.locator(".tag").inner_text())


def test_an_open_case_says_what_happens_next(page: Page, web_town: Town) -> None:
    open_claims = claims_with_a_next_step(web_town)
    assert open_claims, "the town has no claim with a step to come"
    sign_in(page, web_town, Role.READ_ONLY)
    page.goto(f"/maalested/{in_arrears(web_town)[0]}")
    page.get_by_role("link", name=re.compile("^Krav ")).first.click()

    expect(page).to_have_url(re.compile(r"/sag/\d+$"))
    next_step = page.locator("div.next")
    expect(next_step).to_contain_text(re.compile("Næste trin|Intet trin nu"))
    assert CLAUSE.match(next_step.locator(".tag").inner_text())
    page.goto(f"/sag/{open_claims[0]}")
    expect(page.locator("div.next")).to_contain_text("Næste trin")
    page.get_by_text("Hvis intet betales").click()
    ahead = page.locator("details ol li")
    expect(ahead.first).to_be_visible()
    for clause in page.locator("details ol li .tag").all_inner_texts():
        assert CLAUSE.match(clause), clause
    screenshot(page, "04-case")


def test_collections_grants_a_payment_plan_from_the_case(page: Page, web_town: Town) -> None:
    open_claims = claims_with_a_next_step(web_town)
    assert open_claims, "the town has no claim with a step to come"
    claim_id = open_claims[-1]
    sign_in(page, web_town, Role.COLLECTIONS)
    page.goto(f"/sag/{claim_id}")
    expect(page.locator("div.next")).to_contain_text("Næste trin")

    plan = page.locator("form[action$='/afdrag']")
    plan.get_by_label("Antal måneder").fill("2")
    plan.get_by_label("Begrundelse").fill("Aftalt i telefonen")
    plan.get_by_role("button", name="Bevilg").click()

    expect(page.locator(".flash.ok")).to_contain_text("Afdragsordning bevilget: 2 rater")
    expect(page.locator("div.next")).to_contain_text("Intet trin nu")
    expect(page.locator("main")).to_contain_text("afdragsordning aftalt")
    audit = page.locator(table_after(page, "Revisionsspor"))
    expect(audit).to_contain_text("grant_plan")
    expect(audit).to_contain_text(web_town.users[Role.COLLECTIONS])
    screenshot(page, "05-case-plan-granted")


def test_the_days_lists_arrears_visits_and_run_report(page: Page, web_town: Town) -> None:
    sign_in(page, web_town, Role.COLLECTIONS)
    page.get_by_role("link", name="Restancer").click()
    expect(page.locator("h1")).to_contain_text("Restancer pr.")
    expect(page.locator("main table tbody tr").first).to_contain_text("kr.")
    screenshot(page, "06-arrears")

    page.get_by_role("link", name="Besøg").click()
    expect(page.locator("h1")).to_contain_text("Lukke- og genåbningsbesøg")
    screenshot(page, "07-visits")

    page.get_by_role("link", name="Dagens kørsel").click()
    expect(page.locator("h1")).to_contain_text("Den daglige kørsel")
    report = page.locator("main table")
    expect(report).to_contain_text("Renter")
    expect(report).not_to_contain_text("total_ore")
    screenshot(page, "08-run-report")


# --- the customer portal ----------------------------------------------------------------------
def portal_sign_in(page: Page, number: str, pin: str) -> None:
    page.goto("/portal/login")
    pin_form = page.locator("form[action='/portal/login']")
    pin_form.get_by_label("Målestedsnummer").fill(number)
    pin_form.get_by_label("Pinkode").fill(pin)
    pin_form.get_by_role("button", name="Log ind").click()


def test_a_customer_signs_in_with_the_pin_and_reports_a_move(page: Page, web_town: Town) -> None:
    number, pin = settled_pin(web_town)
    portal_sign_in(page, number, pin)

    expect(page).to_have_url(re.compile("/portal$"))
    expect(page.locator("header .who")).to_contain_text(f"Målested {number}")
    expect(page.locator("main")).to_contain_text("Saldo:")
    readings = page.locator("h2:has-text('Forbrug') ~ table").first
    assert readings.locator("tbody tr").count() > 0
    expect(page.locator(f"{table_after(page, 'Regninger')} tbody tr").first).to_contain_text("kr.")
    expect(page.locator(table_after(page, "Breve"))).not_to_contain_text("_")
    screenshot(page, "09-portal-home")

    move_day = web_town.today + timedelta(days=10)
    page.get_by_label("Fraflytningsdato").fill(f"{move_day:%d-%m-%Y}")
    page.get_by_role("button", name="Meld flytning").click()
    confirmation = page.locator(".flash.ok")
    expect(confirmation).to_contain_text("Tak, flytningen er meldt.")
    expect(confirmation).not_to_contain_text("senere end 8 dage")


def test_a_wrong_pin_is_refused_in_danish(page: Page, web_town: Town) -> None:
    number, pin = sorted(web_town.pins.items())[-1]
    wrong = "000000" if pin != "000000" else "111111"
    portal_sign_in(page, number, wrong)

    expect(page).to_have_url(re.compile("/portal/login"))
    expect(page.locator(".flash.error")).to_contain_text("forkert målestedsnummer eller pinkode")
    screenshot(page, "10-portal-wrong-pin")
