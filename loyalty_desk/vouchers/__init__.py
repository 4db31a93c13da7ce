"""Paper for the member: vouchers, points slips and member cards, as PDF and ESC/POS."""
