"""Reading the files a Pemda receives (SIASN, e-Kinerja, DUK spreadsheets) into checked rows.

Pure reading: no database, no Textual. `layanan.impor` compares the rows with
the database and applies them.
"""
