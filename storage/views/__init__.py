"""What screens read: the entry sheet, completeness, the dashboard's next steps, the audit trail.

Imports records and below; beside sheets and reports, never tools. No Qt.
"""
