"""Reports: building them (progress, trend, desk, completeness), the desk's derived indicators, and the
report files (.xlsx, .pdf, .csv).

Imports records and below, and :mod:`storage.views` for completeness; never tools.
"""
