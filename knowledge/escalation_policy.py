"""Schema of escalation.yaml: the ordered escalation policy and the texts of the alerts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from knowledge.schema import ID_PATTERN, L10n, Strict


class PolicyStep(Strict):
    """Whom one step alerts, and how long to wait for someone to take it before the next."""

    notify: Literal["direktion", "all_on_duty", "group", "officers"] = Field(
        description="direktion: on-duty officers of the user's Polizeidirektion (all on duty "
        "when it is unknown); all_on_duty; group: a roster group; officers: listed ids, on duty or not."
    )
    group: str | None = Field(default=None, pattern=ID_PATTERN)
    officers: list[str] = Field(default_factory=list)
    wait_minutes: float = Field(gt=0, le=24 * 60)

    @model_validator(mode="after")
    def _target(self) -> PolicyStep:
        if (self.notify == "group") != (self.group is not None):
            raise ValueError("`group` is needed with notify: group, and only there")
        if (self.notify == "officers") != bool(self.officers):
            raise ValueError("`officers` is needed with notify: officers, and only there")
        return self


class EscalationPolicy(Strict):
    steps: list[PolicyStep] = Field(min_length=1)
    repeat: int = Field(default=0, ge=0, le=10, description="How often the steps run again.")

    @property
    def total_steps(self) -> int:
        return len(self.steps) * (self.repeat + 1)


class EscalationTexts(Strict):
    """What the bot says to the user, the officers and the admins about an escalation."""

    ask_phone: L10n
    phone_invalid: L10n
    ask_where: L10n
    where_not_found: L10n
    where_choose: L10n
    send_now: L10n
    send_without_phone: L10n
    sent: L10n
    limit_reached: L10n
    acked_user: L10n
    unreached_user: L10n
    unanswered_user: L10n
    alert: L10n
    option_ack: L10n
    option_close: L10n
    acked_owner: L10n
    acked_other: L10n
    already_yours: L10n
    already_taken: L10n
    already_closed: L10n
    close_ask: L10n
    closed: L10n
    not_owner: L10n
    not_officer: L10n
    unknown_ref: L10n
    duty_on: L10n
    duty_off: L10n
    duty_usage: L10n
    admin_unreached: L10n
    admin_failed: L10n
    unknown_value: L10n
    category_emergency: L10n


class EscalationFile(Strict):
    policy: EscalationPolicy
    self_declaration_hours: float = Field(
        default=12, gt=0, le=48, description="How long `/dienst an|aus` beats the roster."
    )
    texts: EscalationTexts
