"""Schema of knowledge/data/incident.yaml: every sentence of the incident-record flow,
the screenshot advice and the report's headings, in German and English.
"""

from __future__ import annotations

from knowledge.schema import L10n, Strict


class IncidentTexts(Strict):
    consent: L10n
    consent_yes: L10n
    consent_no: L10n
    declined: L10n
    skip: L10n
    ask_affected: L10n
    ask_when: L10n
    when_unclear: L10n
    when_keep: L10n
    when_understood: L10n
    ask_where: L10n
    ask_what: L10n
    ask_who: L10n
    ask_witnesses: L10n
    ask_evidence: L10n
    screenshot_advice: L10n
    evidence_done: L10n
    evidence_received: L10n
    evidence_link_added: L10n
    evidence_empty: L10n
    evidence_too_big: L10n
    evidence_wrong_type: L10n
    evidence_mismatch: L10n
    evidence_no_record: L10n
    evidence_not_now: L10n
    ask_reported: L10n
    reported_yes: L10n
    reported_no: L10n
    ask_file_number: L10n
    not_given: L10n
    summary_header: L10n
    field_affected: L10n
    field_when: L10n
    field_where: L10n
    field_what: L10n
    field_who: L10n
    field_witnesses: L10n
    field_evidence: L10n
    field_reported: L10n
    field_file_number: L10n
    save: L10n
    correct: L10n
    discard: L10n
    which_field: L10n
    discarded: L10n
    saving: L10n
    saved: L10n
    reminder_offer: L10n
    deadline_unknown: L10n
    reminder_yes: L10n
    reminder_no: L10n
    reminder_set: L10n
    reminder_message: L10n
    after_save: L10n
    after_report: L10n
    saved_report: L10n
    saved_new: L10n
    saved_end: L10n
    ended_saved: L10n
    records_header: L10n
    records_none: L10n
    status_open: L10n
    status_closed: L10n
    record_menu: L10n
    menu_note: L10n
    menu_evidence: L10n
    menu_report: L10n
    menu_close: L10n
    menu_back: L10n
    ask_note: L10n
    note_added: L10n
    ask_more_evidence: L10n
    closed: L10n
    no_record: L10n
    report_ready: L10n
    mydata_ready: L10n
    # Optional, so that an admin's older copy of incident.yaml still loads.
    heavy_busy: L10n = L10n(
        de="Ich erstelle gerade noch eine Datei für Sie. Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.",
        en="I am still preparing a file for you. Please wait a moment and then try again.",
    )
    delete_confirm: L10n
    delete_yes: L10n
    delete_no: L10n
    delete_kept: L10n
    deleted: L10n
    retention_warning: L10n
    report_title: L10n
    report_reference: L10n
    report_created: L10n
    report_status: L10n
    report_category: L10n
    report_legal: L10n
    report_fields: L10n
    report_evidence: L10n
    report_no_evidence: L10n
    report_links: L10n
    report_received: L10n
    report_deadline: L10n
    report_contacts: L10n
    report_log: L10n
    report_footer: L10n
