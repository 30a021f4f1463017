#!/usr/bin/env python3
"""Real-browser test of `livrev serve` (issue 15), headless Chromium driven by Selenium.

Two reviewers sign in in two browser sessions and screen 20 records at title-abstract with the
keyboard only (i include, e exclude), one record ends in conflict, the arbiter resolves it on the
conflicts page, and the dashboard's PRISMA counts are checked against `livrev prisma`. Every page
is saved as a PNG screenshot.

    scripts/browser/serve_test.py [--livrev .build/debug/livrev] [--screenshots DIR]

Needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver) and
selenium from PyPI; .ci/run installs them when missing.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

HOSTILE = '<script>alert(1)</script>"><svg onload=alert(2)>'
RECORDS = 20
# Both exclude 10-14; ben also excludes 5, which ana includes: the conflict.
ANA_EXCLUDES = set(range(10, 15))
BEN_EXCLUDES = ANA_EXCLUDES | {5}


def livrev(binary, db, *args, stdin=None):
    result = subprocess.run([binary, *args, "--db", db], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"livrev {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def build_registry(binary, folder):
    db = os.path.join(folder, "review.livrev")
    livrev(binary, db, "init", "--title", "Aspirin after stroke")
    for name, role in [("ana", "reviewer"), ("ben", "reviewer"), ("cy", "arbiter"), ("lea", "lead")]:
        livrev(binary, db, "reviewer", "add", name, "--role", role, "--password-stdin", stdin=f"{name}-pw\n")
    livrev(binary, db, "search", "add", "--source", "PubMed", "--date", "2026-01-10")
    rows = ["title,abstract,authors,year,journal,doi"]
    title = HOSTILE.replace('"', '""')
    rows.append(f'"{title}",A hostile title must show as text.,Mallory M,2020,J Test,10.1000/x1')
    for index in range(2, RECORDS + 1):
        rows.append(
            f"Aspirin trial {index} in acute stroke,Randomised placebo-controlled trial {index} in mice "
            f"and people.,Author {index}; Second A,{2000 + index},Stroke,10.1000/t{index}")
    path = os.path.join(folder, "records.csv")
    with open(path, "w") as handle:
        handle.write("\n".join(rows) + "\n")
    livrev(binary, db, "import", "records", path, "--search", "1")
    livrev(binary, db, "terms", "add", "include", "randomi*", "placebo")
    livrev(binary, db, "terms", "add", "exclude", "mice")
    livrev(binary, db, "reasons", "add", "wrong population")
    livrev(binary, db, "reasons", "add", "wrong comparator")
    return db


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sign_in(driver, base, name):
    driver.get(base + "/login")
    field = driver.find_element(By.NAME, "user")
    field.send_keys(name, Keys.TAB, f"{name}-pw", Keys.ENTER)
    WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "queue")))


def current_record(driver):
    cards = driver.find_elements(By.ID, "card")
    return int(cards[0].get_attribute("data-record")) if cards else None


def mark_page(driver):
    driver.execute_script("document.documentElement.dataset.before = 'yes'")


def wait_for_new_page(driver, element_id):
    """Waits until the marked page has been replaced by a loaded one that has `element_id`."""
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && !document.documentElement.dataset.before"
        f" && !!document.getElementById('{element_id}')"))


def press(driver, key):
    """Presses one key on the page and waits for the page the decision reloads."""
    mark_page(driver)
    driver.find_element(By.TAG_NAME, "body").send_keys(key)
    wait_for_new_page(driver, "queue")


def no_alert(driver):
    try:
        driver.switch_to.alert
        raise SystemExit("an alert opened: a hostile title ran as script")
    except NoAlertPresentException:
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--livrev", default=".build/debug/livrev")
    parser.add_argument("--screenshots", default=None)
    args = parser.parse_args()
    binary = os.path.abspath(args.livrev)
    folder = tempfile.mkdtemp(prefix="livrev-browser-")
    shots = args.screenshots or os.path.join(folder, "screenshots")
    os.makedirs(shots, exist_ok=True)
    db = build_registry(binary, folder)
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, text=True)
    drivers = []
    checks = 0
    try:
        first = server.stdout.readline().strip()
        assert first.startswith("Serving Aspirin after stroke at http://127.0.0.1:"), first
        base = first.rsplit(" ", 1)[1].rstrip("/")
        ana, ben, cy = browser(), browser(), browser()
        drivers = [ana, ben, cy]
        ana.get(base + "/login")
        ana.save_screenshot(os.path.join(shots, "login.png"))
        sign_in(ana, base, "ana")
        sign_in(ben, base, "ben")
        seen = {"ana": [], "ben": []}
        # Interleaved, as two people at once; the reservations hand them different records.
        for step in range(RECORDS):
            for name, driver, excludes in [("ana", ana, ANA_EXCLUDES), ("ben", ben, BEN_EXCLUDES)]:
                record = current_record(driver)
                assert record is not None, f"{name} ran out of records after {len(seen[name])}"
                if record == 1:
                    title = driver.find_element(By.ID, "title").text
                    assert title == HOSTILE, f"the hostile title shows as {title!r}"
                    no_alert(driver)
                    checks += 1
                if name == "ana" and step == 0:
                    driver.find_element(By.TAG_NAME, "body").send_keys("?")
                    driver.save_screenshot(os.path.join(shots, "screen-title-abstract.png"))
                    driver.find_element(By.TAG_NAME, "body").send_keys("?")
                if name == "ana" and step == 1:
                    marks = driver.find_elements(By.CSS_SELECTOR, "#abstract mark")
                    assert {m.get_attribute("class") for m in marks} == {"include", "exclude"}, marks
                    driver.save_screenshot(os.path.join(shots, "screen-highlighted.png"))
                    checks += 1
                seen[name].append(record)
                press(driver, "e" if record in excludes else "i")
        for name, driver in [("ana", ana), ("ben", ben)]:
            assert sorted(seen[name]) == list(range(1, RECORDS + 1)), (name, seen[name])
            assert driver.find_elements(By.ID, "empty"), f"{name}'s queue should be empty"
            checks += 1
        ana.save_screenshot(os.path.join(shots, "screen-done.png"))
        # Undo with the keyboard, then decide again: the same record comes back.
        last = seen["ana"][-1]
        press(ana, "u")
        assert current_record(ana) == last, (current_record(ana), last)
        press(ana, "e" if last in ANA_EXCLUDES else "i")
        checks += 1
        # Full text: the reason picker for an exclusion, with the keyboard.
        ana.get(base + "/screen?stage=full-text")
        first_full_text = current_record(ana)
        assert first_full_text is not None
        ana.find_element(By.TAG_NAME, "body").send_keys("e")
        WebDriverWait(ana, 5).until(ec.visibility_of_element_located((By.ID, "reasons")))
        ana.save_screenshot(os.path.join(shots, "screen-full-text-reasons.png"))
        press(ana, "1")
        checks += 1
        sign_in(cy, base, "cy")
        cy.get(base + "/conflicts?stage=title-abstract")
        rows = cy.find_elements(By.CSS_SELECTOR, "tr[data-record]")
        assert [row.get_attribute("data-record") for row in rows] == ["5"], [r.text for r in rows]
        votes = rows[0].find_element(By.CLASS_NAME, "votes").text
        assert votes == "ana: include\nben: exclude", votes
        cy.save_screenshot(os.path.join(shots, "conflicts.png"))
        mark_page(cy)
        rows[0].find_element(By.CSS_SELECTOR, "button[data-resolve='exclude']").click()
        wait_for_new_page(cy, "no-conflicts")
        checks += 1
        cy.get(base + "/dashboard")
        counts = {
            cell.get_attribute("data-count"): cell.text for cell in cy.find_elements(By.CSS_SELECTOR, "[data-count]")
        }
        cli = json.loads(livrev(binary, db, "prisma", "--format", "json"))
        expected = {"records_screened": 20, "records_excluded": 6, "reports_sought": 14}
        for key, value in expected.items():
            assert counts[key] == str(value), (key, counts[key])
            assert cli[key] == value, (key, cli[key])
        assert "Records screened" in cy.find_element(By.ID, "prisma").get_attribute("innerHTML")
        cy.execute_script("window.scrollTo(0, 0)")
        cy.set_window_size(1200, 2200)
        cy.save_screenshot(os.path.join(shots, "dashboard.png"))
        checks += 1
        cy.get(base + "/report")
        cy.save_screenshot(os.path.join(shots, "report.png"))
        # Every decision is in the log under its reviewer: 40 title-abstract votes, 1 full-text vote.
        log = livrev(binary, db, "log", "--unblind", "--format", "json")
        entries = json.loads(log)
        decides = [e for e in entries if "serve: screen decide" in e.get("command", "")]
        assert len(decides) == 2 * RECORDS + 2, len(decides)
        assert {e["reviewer"] for e in decides} == {"ana", "ben"}
        checks += 1
        print(f"browser test of livrev serve: {checks} checks ok; screenshots in {shots}")
    finally:
        for driver in drivers:
            driver.quit()
        server.terminate()
        server.wait(timeout=20)
    if server.returncode != 0:
        raise SystemExit(f"livrev serve exited {server.returncode} on SIGTERM")


if __name__ == "__main__":
    sys.exit(main())
