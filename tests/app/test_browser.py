"""The app in a real headless Chromium (Debian's chromium + chromium-driver; `make browser` installs them)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
QUESTION = "Hvad gjorde Holstebro Kommune for førstegangsforældre?"
TIMEOUT_S = 30


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(
            f"Chromium is missing ({', '.join(missing)}): install it with `make browser` "
            "(apt-get install -y chromium chromium-driver)",
            pytrace=False,
        )
    profile = tempfile.mkdtemp(prefix="tidlig-chromium-")
    options = webdriver.ChromeOptions()
    options.add_experimental_option("prefs", {"intl.accept_languages": "da-DK,da"})
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1400,1000",
        "--lang=da-DK",  # as the users' browsers
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver, condition, timeout: float = TIMEOUT_S):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def click(driver, element) -> None:
    """Scroll the element into view and click it as a user would (JS click avoids sticky overlaps)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element)


def test_question_answer_sources_and_case_browser(served, browser, screenshot_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC

    browser.get(served.url)
    box = wait_for(browser, EC.element_to_be_clickable((By.CSS_SELECTOR, "#tidlig-question textarea")))
    assert "underretningspligt" in browser.find_element(By.CSS_SELECTOR, ".tidlig-footer").text
    box.send_keys(QUESTION, Keys.ENTER)

    # The answer arrives with citation markers that link to sources in the panel.
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#tidlig-sources article.tidlig-source")))
    links = browser.find_elements(By.CSS_SELECTOR, "#tidlig-chat a[href^='#kilde-1-']")
    assert links, "no citation markers in the answer"
    for link in links:
        anchor = link.get_attribute("href").split("#", 1)[1]
        assert browser.find_elements(By.ID, anchor), f"marker {link.text} points to a missing source #{anchor}"
    assert "Holstebro" in browser.find_element(By.ID, "tidlig-chat").text
    source = browser.find_element(By.ID, "kilde-1-1")
    assert source.find_elements(By.TAG_NAME, "mark"), "the quoted sentences are not highlighted"
    assert "2015" in source.text and "KL" in source.text
    browser.save_screenshot(str(screenshot_dir / "01-svar-med-kilder.png"))

    # 👎 with a comment is stored (redacted) in feedback.jsonl.
    click(browser, browser.find_element(By.CSS_SELECTOR, "#tidlig-chat button[aria-label='Dårligt svar']"))
    comment = wait_for(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#tidlig-feedback textarea")))
    comment.send_keys("Svaret mangler, hvad det kostede")
    click(browser, browser.find_element(By.ID, "tidlig-feedback-send"))
    feedback = served.settings.data_dir / "feedback.jsonl"
    wait_for(browser, lambda driver: feedback.is_file() and "hvad det kostede" in feedback.read_text(encoding="utf-8"))
    records = [json.loads(line) for line in feedback.read_text(encoding="utf-8").splitlines()]
    assert records[-2]["rating"] == "ned" and records[-2]["question"] == QUESTION

    # A marker scrolls its source into view and flashes it; "Vis mere" opens the surrounding text.
    click(browser, links[-1])
    target = browser.find_element(By.ID, links[-1].get_attribute("href").split("#", 1)[1])
    wait_for(browser, lambda driver: "tidlig-flash" in target.get_attribute("class"))
    more = source.find_element(By.CSS_SELECTOR, "details.tidlig-more summary")
    click(browser, more)
    assert source.find_element(By.CSS_SELECTOR, ".tidlig-context").is_displayed()
    browser.save_screenshot(str(screenshot_dir / "02-kilde-vis-mere.png"))

    # A question the documents do not answer, with a CPR number: a warning banner, a refusal set apart
    # from answers, and still the nearest sources.
    box = browser.find_element(By.CSS_SELECTOR, "#tidlig-question textarea")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    box.send_keys("Hvad koster en elcykel i Tyskland til barnet med CPR 010203-1234?", Keys.ENTER)
    notice = wait_for(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#tidlig-notices .tidlig-notice")))
    assert "CPR-nummer" in notice.text
    refusal = wait_for(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#tidlig-chat .tidlig-refusal")))
    assert "besvarer ikke" in refusal.text
    assert "Nærmeste kilder" in browser.find_element(By.ID, "tidlig-sources").text
    assert browser.find_elements(By.ID, "kilde-2-1")
    browser.execute_script("window.scrollTo(0, 0);")
    browser.save_screenshot(str(screenshot_dir / "03-afvisning-og-advarsel.png"))

    # The case browser lists the cases; one opens in full and can be asked about in the chat.
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[role='tab'][data-tab-id='cases']"))
    table = wait_for(browser, EC.visibility_of_element_located((By.ID, "tidlig-cases")))
    wait_for(browser, lambda driver: "Holstebro" in table.text)
    assert table.text.count("Kommune") >= 3, table.text[:500]
    browser.save_screenshot(str(screenshot_dir / "04-kommunale-eksempler.png"))
    search = browser.find_element(By.CSS_SELECTOR, "#tidlig-case-search textarea, #tidlig-case-search input")
    search.send_keys("Holstebro")
    wait_for(browser, lambda driver: "Viborg" not in table.text and "Holstebro" in table.text)
    cell = next(c for c in table.find_elements(By.CSS_SELECTOR, "[role='gridcell']") if "Holstebro" in c.text)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", cell)
    cell.click()  # a real click: the table selects rows on pointer events
    detail = wait_for(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#tidlig-case-detail article")))
    assert "Holstebro" in detail.text and len(detail.text) > 200
    click(browser, wait_for(browser, EC.element_to_be_clickable((By.ID, "tidlig-ask-case"))))
    box = wait_for(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#tidlig-question textarea")))
    wait_for(browser, lambda driver: "Holstebro" in box.get_attribute("value"))
    browser.save_screenshot(str(screenshot_dir / "05-spoerg-om-case.png"))

    # The documents tab lists the indexed documents with their chunk counts.
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[role='tab'][data-tab-id='docs']"))
    documents = wait_for(browser, EC.visibility_of_element_located((By.ID, "tidlig-documents-table")))
    wait_for(browser, lambda driver: "kl-2015-de-udsatte-boern-fremtiden-er-deres.txt" in documents.text)
    browser.save_screenshot(str(screenshot_dir / "06-dokumenter.png"))

    # Nothing was loaded from anywhere but the app itself (offline by default).
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert [r for r in resources if not r.startswith(served.url.rstrip("/"))] == []
