"""Each user group's flow in a real headless Chromium, at desktop size and in a 400-px-wide window:
the pedagogue's concern starting point, reading a short answer and opening a source, the trainer's
course pack of three items exported as DOCX, the leader's comparison of two cases exported as CSV.
Screenshots go to test-output/screenshots/."""

from __future__ import annotations

import csv
import io
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.app.conftest import free_port, serve
from tests.app.test_browser import browser, click, wait_for  # noqa: F401  (the browser fixture)
from tests.conftest import make_settings

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1400, 1000), "smal": (400, 900)}
QUESTION = "Hvad gjorde Holstebro Kommune for førstegangsforældre?"
TAB_NAMES = {"chat": "Spørg", "cases": "Eksempler", "pack": "Kursusmappe", "docs": "Dokumenter"}


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=20) as response:
        return response.read()


def file_link(driver, elem_id: str) -> str:
    """The download link of a gr.File once it shows a file."""
    from selenium.webdriver.common.by import By

    return wait_for(driver, lambda d: next(
        (a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, f"#{elem_id} a[href*='file=']")), None
    ))  # fmt: skip


def open_tab(driver, tab_id: str) -> None:
    """Click a tab; on a narrow screen Gradio moves tabs that do not fit into its "⋯" menu."""
    from selenium.webdriver.common.by import By

    selector = f"button[data-tab-id='{tab_id}']"
    visible = [b for b in driver.find_elements(By.CSS_SELECTOR, selector) if b.is_displayed()]
    if not visible:
        click(driver, driver.find_element(By.CSS_SELECTOR, ".overflow-menu button"))
        visible = wait_for(driver, lambda d: [
            b for b in d.find_elements(By.CSS_SELECTOR, ".overflow-dropdown button") if b.text == TAB_NAMES[tab_id]
        ])  # fmt: skip
    click(driver, visible[0])


def indexed(settings, folder):
    """A new index at ``settings`` holding the documents in ``folder``."""
    from index import CorpusIndex

    index = CorpusIndex.open(settings)
    index.update([folder])
    return index


def ask(driver, url: str, question: str) -> None:
    """Open the app at ``url`` on a desktop-sized window and ask ``question`` in the chat."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC

    driver.set_window_size(*SIZES["desktop"])
    driver.get(url)
    box = wait_for(driver, EC.element_to_be_clickable((By.CSS_SELECTOR, "#tidlig-question textarea")))
    box.send_keys(question, Keys.ENTER)


def answer_start_in_view(driver) -> bool:
    """The latest question and the first line of its answer are inside the chat's visible area."""
    return driver.execute_script(
        """
        const chat = document.querySelector('#tidlig-chat .bubble-wrap') || document.getElementById('tidlig-chat');
        const rows = chat.querySelectorAll('.message-row');
        const last = rows[rows.length - 1];
        if (!last) return false;
        const box = chat.getBoundingClientRect(), top = last.getBoundingClientRect().top;
        return top >= box.top - 2 && top + 20 <= box.bottom;
        """
    )


@pytest.mark.parametrize("size", list(SIZES))
def test_user_group_flows(served, browser, screenshot_dir, size):  # noqa: F811
    from docx import Document
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC

    from prompts import load

    browser.set_window_size(*SIZES[size])
    browser.get(served.url)
    tabs = wait_for(browser, lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, "button[role='tab']") if b.is_displayed()])
    assert [tab.text for tab in tabs] == list(TAB_NAMES.values())  # all four fit, no "⋯" menu

    # Pedagogue: "Bekymret for et barn?" asks the concern question; the answer's start stays in view.
    start = wait_for(browser, EC.element_to_be_clickable((By.ID, "tidlig-concern-start")))
    assert start.text == "Bekymret for et barn?" and start.is_displayed()
    click(browser, start)
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#tidlig-sources article.tidlig-source")))
    chat = browser.find_element(By.ID, "tidlig-chat")
    assert "bekymret for et barn" in chat.text.lower()
    assert chat.find_elements(By.CSS_SELECTOR, "a[href^='#kilde-1-']") and not chat.find_elements(By.CSS_SELECTOR, ".tidlig-refusal")
    wait_for(browser, lambda d: answer_start_in_view(d))
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", chat)
    browser.save_screenshot(str(screenshot_dir / f"10-{size}-bekymret-for-et-barn.png"))

    # Anyone: open a source's whole passage.
    source = browser.find_element(By.ID, "kilde-1-1")
    click(browser, source.find_element(By.CSS_SELECTOR, "details.tidlig-more summary"))
    context = source.find_element(By.CSS_SELECTOR, ".tidlig-context")
    wait_for(browser, lambda d: context.is_displayed())
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", source)
    browser.save_screenshot(str(screenshot_dir / f"11-{size}-kilde-hele-passagen.png"))

    # Trainer: the concern answer and one of its passages into the course pack.
    click(browser, browser.find_element(By.ID, "tidlig-add-answer"))
    quote = browser.find_element(By.CSS_SELECTOR, "#kilde-1-1 button.tidlig-add-quote")
    click(browser, quote)
    wait_for(browser, lambda d: "Lagt i kursusmappen" in quote.text)

    # Anyone: ask and read the answer from its start, with linked sources.
    box = browser.find_element(By.CSS_SELECTOR, "#tidlig-question textarea")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    box.send_keys(QUESTION, Keys.ENTER)
    wait_for(browser, EC.presence_of_element_located((By.ID, "kilde-2-1")))
    wait_for(browser, lambda d: answer_start_in_view(d))
    assert "Holstebro" in chat.text and chat.find_elements(By.CSS_SELECTOR, "a[href^='#kilde-2-']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", chat)
    browser.save_screenshot(str(screenshot_dir / f"12-{size}-svar-foerst.png"))

    # Trainer: the second answer too, moved up, the pack exported as DOCX.
    click(browser, browser.find_element(By.ID, "tidlig-add-answer"))
    open_tab(browser, "pack")
    pack = browser.find_element(By.ID, "tidlig-pack")
    wait_for(browser, lambda d: "3 punkt(er)" in pack.text)
    click(browser, browser.find_elements(By.CSS_SELECTOR, "#tidlig-pack-item input[type='radio']")[2])
    click(browser, browser.find_element(By.ID, "tidlig-pack-up"))
    labels = lambda d: [label.text for label in d.find_elements(By.CSS_SELECTOR, "#tidlig-pack-item label")]  # noqa: E731
    wait_for(browser, lambda d: [text[:8] for text in labels(d)] == ["1. Svar:", "2. Svar:", "3. Citat"])
    title = browser.find_element(By.CSS_SELECTOR, "#tidlig-pack-title textarea, #tidlig-pack-title input")
    title.clear()
    title.send_keys("Modul 1: bekymring for et barn")
    click(browser, browser.find_element(By.ID, "tidlig-pack-docx"))
    document = Document(io.BytesIO(fetch(file_link(browser, "tidlig-pack-file"))))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert document.paragraphs[0].text == "Modul 1: bekymring for et barn"
    assert headings[:3] == [
        f"1. Spørgsmål: {load('concern_question')}", f"2. Spørgsmål: {QUESTION}", headings[2]
    ] and headings[2].startswith("3. Citat fra:")
    assert headings[3:] == ["Noter", "Litteratur"]
    browser.execute_script("window.scrollTo(0, 0);")
    browser.save_screenshot(str(screenshot_dir / f"13-{size}-kursusmappe.png"))

    # Leader: two cases side by side, and the grid as CSV with sources.
    open_tab(browser, "cases")
    grid = wait_for(browser, EC.visibility_of_element_located((By.ID, "tidlig-cases")))
    wait_for(browser, lambda d: "Holstebro" in grid.text)
    choices = browser.find_elements(By.CSS_SELECTOR, "#tidlig-case-choose input[type='checkbox']")
    assert len(choices) >= 22
    for choice in choices[:2]:
        click(browser, choice)
    compare = browser.find_element(By.ID, "tidlig-case-compare")
    wait_for(browser, lambda d: len(compare.find_elements(By.CSS_SELECTOR, "thead th")) == 3)
    assert "ikke beskrevet" in compare.text or "»" in compare.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", compare)
    browser.save_screenshot(str(screenshot_dir / f"14-{size}-sammenlign-cases.png"))
    click(browser, browser.find_element(By.ID, "tidlig-cases-csv"))
    rows = list(csv.reader(io.StringIO(fetch(file_link(browser, "tidlig-cases-file")).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nr.", "Kommune", "Titel"] and rows[0][-1] == "Kilde" and len(rows) >= 23

    # Gradio's own strings are Danish too.
    open_tab(browser, "docs")
    upload = wait_for(browser, EC.visibility_of_element_located((By.ID, "tidlig-upload")))
    assert "Drop File Here" not in upload.text and "Slip filerne her" in upload.text, upload.text
    browser.save_screenshot(str(screenshot_dir / f"15-{size}-dokumenter.png"))


class Recorder(BaseHTTPRequestHandler):
    """A loopback web server that records every request (an image a title tries to load)."""

    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):  # quiet
        pass


def test_markdown_in_a_document_title_loads_nothing(browser, tmp_path, screenshot_dir):  # noqa: F811
    from assistant import Assistant
    from fpdf import FPDF
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    image = f"![t](http://127.0.0.1:{port}/titel.png)"
    folder = tmp_path / "docs"
    folder.mkdir()
    pdf = FPDF()
    pdf.add_font("DejaVu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=11)
    pdf.set_title(image)
    pdf.set_author(f"[Kommune](http://127.0.0.1:{port}/link)")
    pdf.add_page()
    pdf.multi_cell(0, 6, "Legestuen i Fjordby Kommune er en tidlig indsats for familier med børn under tre år. "
                         f"Pædagoger mødes med forældrene hver uge. ![billede](http://127.0.0.1:{port}/tekst.png)")  # fmt: skip
    pdf.output(str(folder / "fjordby.pdf"))
    settings = make_settings(tmp_path / "data")
    try:
        with serve(Assistant(indexed(settings, folder), settings), settings) as running:
            ask(browser, running.url, "Hvad er Legestuen i Fjordby Kommune?")
            wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#tidlig-sources article.tidlig-source")))
            chat = browser.find_element(By.ID, "tidlig-chat")
            assert "Legestuen" in chat.text and "![t](" in browser.find_element(By.ID, "tidlig-sources").text
            assert "![t](" in chat.text  # the title shows as written, in the reference list
            click(browser, browser.find_element(By.ID, "tidlig-export"))
            exported = fetch(_export_link(browser)).decode("utf-8")
            assert f"http://127.0.0.1:{port}" not in exported and "!\\[t\\]" in exported
            open_tab(browser, "docs")
            wait_for(browser, lambda d: "fjordby.pdf" in d.find_element(By.ID, "tidlig-documents-table").text)
            browser.save_screenshot(str(screenshot_dir / "16-titel-med-markdown.png"))
            images = browser.execute_script("return [...document.images].map(i => i.src)")
            assert not [src for src in images if str(port) in src]
    finally:
        server.shutdown()
    assert Recorder.hits == [], Recorder.hits


def _export_link(driver) -> str:
    from selenium.webdriver.common.by import By

    return wait_for(driver, lambda d: next(
        (a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "a[href*='file='][href$='.md']")), None
    ))  # fmt: skip


# Where the first character of a text in ``root`` is drawn: a Range over the text (across the text nodes
# <mark> splits it into), its first box's left edge in pixels; null when the text is not there.
TEXT_LEFT = """
const [root, needle] = arguments;
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
const nodes = [];
let text = "";
while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
const start = text.indexOf(needle);
if (start < 0) return null;
const at = (offset) => { const [node, from] = nodes.filter(([, from]) => from <= offset).pop(); return [node, offset - from]; };
const range = document.createRange();
range.setStart(...at(start));
range.setEnd(...at(start + needle.length));
const boxes = range.getClientRects();
return boxes.length ? boxes[0].left : null;
"""


def test_a_nested_word_list_stays_nested_in_the_source_view(browser, tmp_path, screenshot_dir):  # noqa: F811
    """A Word list with "List Bullet 2" sub-items, indexed and asked about: the cited passage shows each
    sub-item further right than its parent, in the passage and in the whole passage around it."""
    import docx
    from assistant import Assistant
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    folder = tmp_path / "docs"
    folder.mkdir()
    document = docx.Document()
    document.add_heading("Sprogindsatsen i Fjordby Kommune", level=1)
    document.add_paragraph("Fjordby Kommune styrker børns sprog i dagtilbud med en fælles indsats for alle børnehaver.")
    document.add_paragraph("I sprogindsatsen arbejder pædagogerne i Fjordby Kommune med:")
    document.add_paragraph("dialogisk læsning, især:", style="List Bullet")
    document.add_paragraph("bøger med billeder i små grupper", style="List Bullet 2")
    document.add_paragraph("samtaler om bogen bagefter", style="List Bullet 2")
    document.add_paragraph("sang og rim i samling", style="List Bullet")
    document.add_heading("Evaluering", level=1)
    document.add_paragraph("Forvaltningen evaluerer sprogindsatsen hvert andet år sammen med lederne af børnehaverne.")
    document.save(str(folder / "fjordby-sprog.docx"))
    settings = make_settings(tmp_path / "data")

    with serve(Assistant(indexed(settings, folder), settings), settings) as running:
        ask(browser, running.url, "Hvad arbejder pædagogerne i Fjordby Kommune med i sprogindsatsen?")
        wait_for(browser, EC.presence_of_element_located((By.ID, "kilde-1-1")))
        chat = browser.find_element(By.ID, "tidlig-chat")
        # the answer nests the sub-items too (the composer's Markdown list, rendered)
        sub_items = [item.text for item in chat.find_elements(By.CSS_SELECTOR, "li ul li")]
        assert sub_items == ["bøger med billeder i små grupper [1]", "samtaler om bogen bagefter [1]"]
        click(browser, chat.find_element(By.CSS_SELECTOR, "a[href='#kilde-1-1']"))
        source = browser.find_element(By.ID, "kilde-1-1")
        click(browser, source.find_element(By.CSS_SELECTOR, "details.tidlig-more summary"))
        context = source.find_element(By.CSS_SELECTOR, ".tidlig-context .tidlig-current")
        wait_for(browser, lambda d: context.is_displayed())
        browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", source)
        browser.save_screenshot(str(screenshot_dir / "17-indrykket-liste-i-kilden.png"))

        for view in (source.find_element(By.CSS_SELECTOR, "blockquote.tidlig-passage"), context):
            left = {text: browser.execute_script(TEXT_LEFT, view, text) for text in (
                "I sprogindsatsen", "- dialogisk læsning", "- bøger med billeder", "- samtaler om bogen", "- sang og rim"
            )}  # fmt: skip
            assert None not in left.values(), left
            # the top-level items start where the lead-in does (a quoted sentence's <mark> adds 1 px of padding);
            # each sub-item two spaces further right: 5-6 px in the panel's font, 0 where spaces collapse
            for item in ("- dialogisk læsning", "- sang og rim"):
                assert left[item] == pytest.approx(left["I sprogindsatsen"], abs=2), left
            assert left["- bøger med billeder"] == pytest.approx(left["- samtaler om bogen"], abs=1)
            assert left["- bøger med billeder"] - left["- dialogisk læsning"] > 3, left
