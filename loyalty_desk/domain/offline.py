"""How far a till may let a member spend points while it cannot reach the server (DESIGN §4).

Two stores that are both offline cannot see each other's redemptions, so offline spending
is bounded instead of prevented: up to the last-known balance (checked by the redemption
rules), within a per-member cap per store-local day, at most N offline redemptions in a row
that the server has not confirmed yet, and only while the last successful sync is recent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.rules import OfflineRules


@dataclass(frozen=True, slots=True)
class OfflineSituation:
    points: int  # what the cashier wants to redeem now
    sync_age: timedelta | None  # since the last successful sync, in server time; None: never
    redeemed_offline_today: int  # this member's offline redemptions today at this till
    unconfirmed_offline: int  # this member's offline redemptions the server has not applied
    online_only: bool  # the server flagged the member after an overdraft


def check_offline_redemption(rules: OfflineRules, situation: OfflineSituation) -> Refusal | None:
    if situation.online_only:
        return refusal(
            Code.ONLINE_ONLY,
            "This member can redeem points only while the till is online (an earlier offline "
            "redemption overdrew the account). Check the network and try again.",
        )
    age = situation.sync_age
    limit = timedelta(hours=rules.max_sync_age_hours)
    if age is None or age >= limit:
        when = "never" if age is None else f"{int(age.total_seconds() // 3600)} hours ago"
        return refusal(
            Code.SYNC_TOO_OLD,
            "The till is offline and last synced {when}; points can be redeemed offline only "
            "within {max_sync_age_hours} hours of a sync. Reconnect to redeem.",
            details={"max_sync_age_hours": rules.max_sync_age_hours},
            when=when,
            max_sync_age_hours=rules.max_sync_age_hours,
        )
    if situation.unconfirmed_offline >= rules.max_consecutive_redemptions:
        return refusal(
            Code.OFFLINE_LIMIT,
            "This member already has {unconfirmed_offline} offline redemptions waiting for the "
            "server; no more until the till is back online.",
            details={"max_consecutive": rules.max_consecutive_redemptions},
            unconfirmed_offline=situation.unconfirmed_offline,
        )
    left = max(0, rules.daily_cap_points - situation.redeemed_offline_today)
    if situation.points > left:
        return refusal(
            Code.OFFLINE_LIMIT,
            "While offline a member may redeem at most {daily_cap_points} points a day; {left} "
            "are left today.",
            details={"offline_points_left": left},
            daily_cap_points=rules.daily_cap_points,
            left=left,
        )
    return None
