#!/usr/bin/env python3
"""Writes what each file of the import corpus holds, parsed independently of livrev.

Usage: scripts/corpus_expectations.py Tests/LivrevStoreTests/Fixtures/import-corpus

For every export it counts records by the format's own terminator rules and takes every
record's title, DOI, year, authors (in order), abstract, journal, volume, issue, pages, PMID,
keywords and trial registry numbers (`registry_numbers`), and writes expectations.json next to the
files:
  - RIS: a record ends at an `ER  -` line (RIS specification); title from the first TI/T1 line of
    the record with its untagged continuation lines, DOI from its DO line, year from PY, Y1 or DA,
    authors from its AU/A1 lines, abstract from its AB lines joined, else N2, journal from JF, else
    JO, T2, JA, J2, J1; volume VL, issue IS (else CP), pages SP-EP; PMID as `ris_pmid` says;
    keywords from KW lines and the untagged lines EndNote writes after them.
  - MEDLINE: records are separated by blank lines (NLM MEDLINE display format); title TI with its
    six-space continuation lines; DOI from the first LID/AID value ending in "[doi]"; year from DP;
    authors from FAU lines, else AU; abstract AB with its continuation lines; journal JT, else TA;
    volume VI, issue IP, pages PG, PMID, keywords MH and OT.
  - CSV: Python's csv module (the reference for how loose quotes read) with the delimiter of the
    header line; the header is the first row with a `Title` / `Article Title` cell (exports such as
    Embase's have a preamble); every later row with a non-empty cell is a record; the year from
    the first of the year or date columns the tools write (YEAR_HEADERS); authors from the author
    column (AUTHOR_HEADERS), split as `split_authors` says; abstract from `Abstract` / `Abstract Note`;
    journal from a column that holds its name alone (JOURNAL_HEADERS); volume, issue, and pages or
    page start and end columns; the digits of a PMID / PubMed ID / Medline PMID / ids.pmid column;
    keywords from one keyword column, split on `;`.
The encoding comes from the byte order mark (UTF-8/UTF-16), else UTF-8, else Windows-1252.
"""
import csv
import io
import json
import os
import re
import sys


def decode(raw):
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def ris(text):
    records, current, last = [], None, None
    for line in text.splitlines():
        m = re.match(r"^([A-Z][A-Z0-9])  -( |$)(.*)$", line)
        if m:
            tag, value = m.group(1), m.group(3).strip()
            if tag == "TY":
                current = {"title": None, "doi": None, "year": None, "authors": [], "abstract": None, "tags": {},
                           "keywords": []}
            elif current is not None and tag == "ER":
                n2 = current.pop("n2", None)
                current["abstract"] = current["abstract"] if current["abstract"] is not None else n2
                tags = current.pop("tags")
                # The journal's full name (JF), else its abbreviation (JO), the secondary title (T2), other abbreviations.
                current["journal"] = next((tags[t] for t in ("JF", "JO", "T2", "JA", "J2", "J1") if tags.get(t)), None)
                current["volume"] = tags.get("VL") or None
                current["issue"] = tags.get("IS") or tags.get("CP") or None
                current["pages"] = page_range(tags.get("SP"), tags.get("EP"))
                current["pmid"] = ris_pmid(tags)
                current["registry"] = registry_numbers(current.pop("identifiers", []))
                records.append(current)
                current = None
            elif current is not None:
                last = tag
                current["tags"].setdefault(tag, value)
                if tag in ("AN", "C3", "UR", "L1", "L2", "L3", "L4", "LK"):  # identifiers and links only
                    current.setdefault("identifiers", []).append(value)
                pubmed = re.search(r"\bPUBMED (\d+)", value) if tag == "C3" else None
                if pubmed:
                    current["tags"]["PUBMED"] = pubmed.group(1)
                if tag in ("TI", "T1") and current["title"] is None:
                    current["title"] = value
                    last = "title"
                elif tag == "DO" and current["doi"] is None:
                    current["doi"] = value
                elif tag in ("PY", "Y1", "DA") and current["year"] is None:
                    current["year"] = year_in(value)
                elif tag in ("AU", "A1") and value:
                    current["authors"].append(value)
                elif tag == "KW":
                    if value:
                        current["keywords"].append(value)
                    last = "keyword"
                elif tag == "AB":
                    # Repeated AB lines are one abstract (EBSCO adds its copyright notice as a second).
                    current["abstract"] = value if current["abstract"] is None else current["abstract"] + " " + value
                    last = "abstract"
                elif tag == "N2" and current.get("n2") is None:
                    current["n2"] = value
                    last = "n2"
        elif current is not None and line.strip() and last in ("title", "abstract", "n2"):
            current[last] += " " + line.strip()
        elif current is not None and line.strip() and last == "keyword":
            current["keywords"].append(line.strip())  # EndNote writes further keywords as untagged lines
    return records


def medline(text):
    records = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        if not re.search(r"^(PMID- |PMC - )", block, re.M):
            continue
        title = None
        m = re.search(r"^TI  - (.*(?:\n {6}.*)*)", block, re.M)
        if m:
            title = " ".join(part.strip() for part in m.group(1).split("\n"))
        doi = None
        for m in re.finditer(r"^(?:LID|AID) - (.*) \[doi\]$", block, re.M):
            doi = m.group(1).strip()
            break
        m = re.search(r"^DP  - (.*)$", block, re.M)
        full = re.findall(r"^FAU - (.*)$", block, re.M)
        authors = [name.strip() for name in (full or re.findall(r"^AU  - (.*)$", block, re.M))]
        m2 = re.search(r"^AB  - (.*(?:\n {6}.*)*)", block, re.M)
        abstract = " ".join(part.strip() for part in m2.group(1).split("\n")) if m2 else None
        jt = re.search(r"^JT  - (.*(?:\n {6}.*)*)", block, re.M) or re.search(r"^TA  - (.*)$", block, re.M)
        journal = " ".join(part.strip() for part in jt.group(1).split("\n")) if jt else None
        def tag(name):
            found = re.search(r"^" + name + r" *- (.*(?:\n {6}.*)*)", block, re.M)
            return " ".join(part.strip() for part in found.group(1).split("\n")) or None if found else None
        records.append({"title": title, "doi": doi, "year": year_in(m.group(1)) if m else None, "authors": authors,
                        "abstract": abstract, "journal": journal, "volume": tag("VI"), "issue": tag("IP"),
                        "pages": tag("PG"), "pmid": tag("PMID"),
                        "registry": registry_numbers(re.findall(r"^SI  - (.*)$", block, re.M)),
                        "keywords": [k.strip() for k in re.findall(r"^(?:MH|OT)  - (.*)$", block, re.M) if k.strip()]})
    return records


def ris_pmid(tags):
    """A RIS record's PubMed id: Cochrane's `C3  - PUBMED n`; else, when the record's database
    (`DB`/`DP`) is PubMed, MEDLINE or the NLM, a digit accession number `AN` (Ovid, EndNote), `C2`
    or `C5`; Scopus's digit `C2`; Embase's digit `C5` ("Medline PMID"). Never another database's
    number, nor a custom field of no database."""
    if tags.get("PUBMED"):
        return tags["PUBMED"]
    database = (tags.get("DB", "") + " " + tags.get("DP", "")).lower()
    pubmed = re.search(r"pubmed|medline|nlm", database)
    for tag, names in (("AN", pubmed), ("C2", pubmed or "scopus" in database),
                       ("C5", pubmed or "embase" in database)):
        if names and re.fullmatch(r"\d{1,9}", tags.get(tag, "")):
            return tags[tag]
    return None


REGISTRY = re.compile(r"\b(NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR[-A-Z0-9]{6,}|\d{4}-\d{6}-\d{2})\b", re.I)


def registry_numbers(values):
    """Trial registry numbers in a record's identifier fields (MEDLINE SI, RIS AN/C3/links, a register
    export's id columns), upper case, each once, in order: never from its title or abstract."""
    found = []
    for value in values:
        for number in REGISTRY.findall(value):
            if number.upper() not in found:
                found.append(number.upper())
    return found


def page_range(start, end):
    """`start-end` from a first and a last page; the first alone when the last is missing, the same,
    or the first is already a range."""
    start, end = (start or "").strip(), (end or "").strip()
    if not start:
        return end or None
    return start if not end or end == start or "-" in start else start + "-" + end


def year_in(text):
    """The first four-digit year (1800-2099) in a date as the export writes it."""
    m = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", text or "")
    return int(m.group(1)) if m else None


# Year columns as the tools name them, the most specific first.
YEAR_HEADERS = ["year", "publication year", "published year", "publication_year", "publication date",
                "date of publication", "date"]

TITLE_HEADERS = {"title", "article title"}
# Columns that hold the journal's name alone (a `Source` column is a whole citation: not read here).
JOURNAL_HEADERS = ["journal", "journal title", "source title", "publication title", "journal/book", "publication",
                   "primary_location.source.display_name"]
AUTHOR_HEADERS = ["authors", "author", "author(s)", "author names", "author/s", "authorships.author.display_name"]


def split_authors(cell):
    """One cell's authors, split as each tool writes them: `|` (OpenAlex), `;` (most), ` and `
    (Rayyan, BibTeX-like), else commas between `Surname Initials` names (Embase, PubMed). A cell
    that is one `Surname, Initials` name is one author; PubMed ends its list (whose initials carry
    no dots) with a period that belongs to no name."""
    cell = cell.strip()
    for separator in ("|", ";", " and "):
        if separator in cell:
            return [name.strip() for name in cell.split(separator) if name.strip()]
    parts = [name.strip() for name in cell.split(",") if name.strip()]
    if len(parts) == 2 and re.fullmatch(r"(?:[A-Z]\.?-?){1,4}", parts[1]):
        return [cell]
    if parts and parts[-1].endswith(".") and "." not in ",".join(parts)[:-1]:
        parts[-1] = parts[-1][:-1]
    return parts


def pmid_in(cell):
    """The digits of a PMID cell (`PUBMED 21314913`, `https://pubmed.ncbi.nlm.nih.gov/38584612`)."""
    found = re.search(r"(\d{1,9})\D*$", cell or "")
    return found.group(1) if found else None


def cell_of(row, index):
    return (row[index].strip() or None) if index is not None and index < len(row) else None


def csv_records(text):
    lines = text.splitlines()
    header_index = next(i for i, line in enumerate(lines) if any(
        cell.strip().lower() in TITLE_HEADERS for cell in re.split(r"[,;\t]", line.replace('"', ""))))
    header_line = lines[header_index]
    delimiter = max([",", ";", "\t"], key=header_line.count)
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_index:]) + "\n"), delimiter=delimiter))
    header = [cell.strip().lower() for cell in rows[0]]
    title = next(i for i, name in enumerate(header) if name in TITLE_HEADERS)
    doi = header.index("doi") if "doi" in header else None
    year = next((header.index(name) for name in YEAR_HEADERS if name in header), None)
    author = next((header.index(name) for name in AUTHOR_HEADERS if name in header), None)
    abstract = next((header.index(name) for name in ("abstract", "abstract note") if name in header), None)
    journal = next((header.index(name) for name in JOURNAL_HEADERS if name in header), None)

    def column(*names):
        return next((header.index(name) for name in names if name in header), None)

    volume, issue = column("volume", "vol"), column("issue", "number", "issue number")
    pages, first, last = column("pages", "page range"), column("page start", "start page"), column("page end", "end page")
    registers = [header.index(name) for name in ("nct number", "other ids", "trial registration") if name in header]
    # One keyword column: author keywords before index terms.
    keywords = column("keywords", "keyword", "author keywords", "index keywords", "manual tags", "subjects")
    records = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        cell = row[title].strip() if title < len(row) else ""
        if cell.startswith('="') and cell.endswith('"'):
            cell = cell[2:-1]
        records.append({"title": " ".join(cell.split()) or None,
                        "doi": (row[doi].strip() or None) if doi is not None and doi < len(row) else None,
                        "year": year_in(row[year]) if year is not None and year < len(row) else None,
                        "authors": split_authors(row[author]) if author is not None and author < len(row) else [],
                        "abstract": (row[abstract].strip() or None) if abstract is not None and abstract < len(row) else None,
                        "journal": (row[journal].strip() or None) if journal is not None and journal < len(row) else None,
                        "volume": cell_of(row, volume), "issue": cell_of(row, issue),
                        "pages": cell_of(row, pages) or page_range(cell_of(row, first), cell_of(row, last)),
                        "pmid": pmid_in(cell_of(row, column("pmid", "pubmed id", "medline pmid", "ids.pmid"))),
                        "keywords": [k.strip() for k in (cell_of(row, keywords) or "").split(";") if k.strip()],
                        "registry": registry_numbers([cell_of(row, i) or "" for i in registers])})
    return records


def main():
    directory = sys.argv[1]
    expectations = {}
    for name in sorted(os.listdir(directory)):
        if name in ("SOURCES.md", "expectations.json"):
            continue
        text = decode(open(os.path.join(directory, name), "rb").read())
        if re.search(r"^TY  -", text, re.M):
            kind, records = "ris", ris(text)
        elif re.search(r"^(PMID- |PMC - )", text, re.M):
            kind, records = "medline", medline(text)
        else:
            kind, records = "csv", csv_records(text)
        for record in records:  # an empty abstract line is no abstract
            record["abstract"] = (record["abstract"] or "").strip() or None
        expectations[name] = {"format": kind, "records": len(records),
                              "titles": [record["title"] for record in records],
                              "dois": [record["doi"] for record in records],
                              "years": [record["year"] for record in records],
                              "authors": [record["authors"] for record in records],
                              "abstracts": [record["abstract"] for record in records],
                              "journals": [record["journal"] for record in records],
                              "volumes": [record["volume"] for record in records],
                              "issues": [record["issue"] for record in records],
                              "pages": [record["pages"] for record in records],
                              "pmids": [record["pmid"] for record in records],
                              "keywords": [record["keywords"] for record in records],
                              "registry": [record["registry"] for record in records]}
    with open(os.path.join(directory, "expectations.json"), "w") as out:
        json.dump(expectations, out, indent=1, ensure_ascii=False, sort_keys=True)
        out.write("\n")
    for name, e in expectations.items():
        print(f"{e['records']:4d}  {e['format']:8s} {name}")


if __name__ == "__main__":
    main()
