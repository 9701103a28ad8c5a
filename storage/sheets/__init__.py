"""Spreadsheets: reading and writing .xlsx/.csv once (:mod:`.tables`), the values template and ``load``,
the targets template and ``targets load``, the results framework's workbook and ``plan load`` (:mod:`.plan`).

Imports records and below; beside views and reports, never tools.
"""
