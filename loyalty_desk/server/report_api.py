"""The chain KPI report's reply as published in the OpenAPI description (what
`ChainKpiReport.to_json` writes)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

Number = int | float | None


class PeriodOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    kind: str = Field(description="day | week | month | custom")
    first: str = Field(alias="from", description="first day, YYYY-MM-DD")
    last: str = Field(alias="to", description="last day, YYYY-MM-DD (inclusive)")
    label: str


class KpiLineOut(BaseModel):
    key: str
    label: str
    label_zh: str
    unit: str = Field(description="count | fen | points | rate (a share 0..1)")
    current: Number
    previous: Number
    change: Number
    change_ratio: float | None


class LiabilityMonthOut(BaseModel):
    month: str = Field(description="YYYY-MM the points expire in")
    points: int
    value_fen: int


class CouponLineOut(BaseModel):
    kind: str
    issued: int
    used: int
    issued_used: int
    use_rate: float | None
    discount_fen: int


class TopMemberOut(BaseModel):
    code: str
    name: str
    phone: str = Field(description="masked: 138****1234")
    home_store_id: str
    receipts: int
    spend_fen: int
    balance: int


class SegmentValueOut(BaseModel):
    segment: str = Field(description="core | potential | basic | dormant")
    label_zh: str
    members: int = Field(description="members of the scope's home store(s) in the segment")
    annual_value_fen: int | None = Field(description="average 12-month spend, net of refunds")
    retention: float | None = Field(description="yearly share not falling dormant (0..1)")
    lifetime_value_fen: int | None = Field(description="expected spend over 5 years, today")


class ScopeOut(BaseModel):
    store_id: str | None = Field(description="null for the whole chain")
    name: str
    kpis: list[KpiLineOut]
    liability_by_expiry_month: list[LiabilityMonthOut]
    debt_points: int
    coupons: list[CouponLineOut]
    top_members: list[TopMemberOut]
    lifetime_value_by_segment: list[SegmentValueOut]


class ChainKpiReply(BaseModel):
    period: PeriodOut
    previous: PeriodOut
    timezone: str
    as_of: datetime
    generated_at: datetime
    phones: str
    chain: ScopeOut | None = Field(description="null when the report covers one store")
    stores: list[ScopeOut]
