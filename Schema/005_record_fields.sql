-- The bibliographic fields the importer keeps besides title, abstract, authors, year, journal,
-- DOI and PMID (issue 11): volume, issue and pages as the export wrote them, keywords (one per
-- line, in file order) and the format the record was read from (ris, medline, csv, wos,
-- cochrane, endnote-xml). `registry_numbers` now holds only numbers from identifier fields.
--
-- The columns are added to `record` itself, so an import stays one insert per record. Rows
-- written before this migration read NULL in them; the seal feeds a column added by a later
-- migration only when it holds a value (see Registry+Seals.swift), so their seals still verify.
ALTER TABLE record ADD COLUMN volume TEXT;
ALTER TABLE record ADD COLUMN issue TEXT;
ALTER TABLE record ADD COLUMN pages TEXT;
ALTER TABLE record ADD COLUMN keywords TEXT;
ALTER TABLE record ADD COLUMN source_format TEXT;
