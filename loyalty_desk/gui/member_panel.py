"""The member panel: who is being served, their tier, balance and what they can use."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QWidget

from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.forms.ui_member_panel import Ui_MemberPanel
from loyalty_desk.gui.member_line import coupon_line
from loyalty_desk.gui.widgets import restyle
from loyalty_desk.services.coupon_views import CouponView
from loyalty_desk.services.member_panel import MemberCard
from loyalty_desk.services.views import HistoryLine, MemberView


class MemberPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MemberPanel()
        self.ui.setupUi(self)
        self.card: MemberCard | None = None
        self._tz: ZoneInfo | None = None
        self._unmasked = False
        self.ui.states.setCurrentWidget(self.ui.emptyPage)

    def show_card(self, card: MemberCard | None, tz: ZoneInfo | None, *, unmasked: bool) -> None:
        self.card, self._tz, self._unmasked = card, tz, unmasked
        if card is None or tz is None:
            self.ui.states.setCurrentWidget(self.ui.emptyPage)
            return
        self._fill(card.member, card.coupons, tz, card.recent)
        self.ui.states.setCurrentWidget(self.ui.memberPage)

    def _fill(
        self,
        m: MemberView,
        coupons: tuple[CouponView, ...],
        tz: ZoneInfo,
        card_recent: tuple[HistoryLine, ...],
    ) -> None:
        ui = self.ui
        ui.nameLabel.setText(m.name)
        ui.tierBadge.setText(fmt.tier_name(m.tier))
        ui.tierBadge.setProperty("tier", str(m.tier))
        restyle(ui.tierBadge)
        ui.birthdayBadge.setVisible(m.birthday_month)
        ui.identityLabel.setText(
            self.tr("{phone}  ·  member {code}").format(
                phone=fmt.phone(m.phone, unmasked=self._unmasked), code=m.code
            )
        )
        ui.balanceLabel.setText(fmt.points(m.balance))
        ui.valueLabel.setText(self.tr("worth {value}").format(value=fmt.yuan(m.balance_value_fen)))
        ui.valueLabel.setVisible(m.balance > 0)
        ui.expiringLabel.setText(
            self.tr("{n} points").format(n=fmt.points(m.expiring_30d)) if m.expiring_30d else "—"
        )
        ui.lastVisitLabel.setText(fmt.local_day(m.last_visit_at, tz))
        ui.tierUntilLabel.setText(fmt.local_day(m.tier_until, tz))
        ui.sinceLabel.setText(fmt.local_day(m.created_at, tz))
        ui.referralLabel.setText(m.referral_code)
        ui.birthdayLabel.setText(m.birthday.strftime("%m-%d") if m.birthday is not None else "—")
        flags = self._flags(m)
        ui.flagsLabel.setText("\n".join(flags))
        ui.flagsLabel.setVisible(bool(flags))
        if coupons:
            ui.couponsLabel.setText("\n".join(coupon_line(c) for c in coupons))
        else:
            ui.couponsLabel.setText(self.tr("None"))
        ui.recentLabel.setText(self._recent(card_recent, tz))

    def _recent(self, lines: tuple[HistoryLine, ...], tz: ZoneInfo) -> str:
        if not lines:
            return self.tr("Nothing yet.")
        rows = []
        for h in lines:
            colour = "#1a7f37" if h.points > 0 else "#cf222e"
            amount = fmt.yuan(h.amount_fen) if h.amount_fen is not None else ""
            rows.append(
                f"<tr><td>{fmt.local_time(h.occurred_at, tz)}</td>"
                f"<td style='padding-left:14px'>{html.escape(fmt.entry_kind(h.kind))}</td>"
                f"<td style='padding-left:14px' align='right'><span style='color:{colour}'>"
                f"{fmt.points(h.points, sign=True)}</span></td>"
                f"<td style='padding-left:14px' align='right'>{amount}</td>"
                f"<td style='padding-left:14px; color:#5f6b7a'>{html.escape(h.receipt_no or '')}"
                "</td></tr>"
            )
        return "<table>" + "".join(rows) + "</table>"

    def _flags(self, m: MemberView) -> list[str]:
        out: list[str] = []
        if m.balance < 0:
            out.append(
                self.tr(
                    "Negative balance: {n} points owed after a refund; new points repay it."
                ).format(n=fmt.points(-m.balance))
            )
        if m.online_only:
            out.append(
                self.tr("Online only: points can be redeemed only while connected to head office.")
            )
        if m.overdraft:
            out.append(self.tr("Overdraft on record: a manager case is open for this member."))
        return out

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            if self.card is not None and self._tz is not None:
                self._fill(self.card.member, self.card.coupons, self._tz, self.card.recent)
        super().changeEvent(event)
