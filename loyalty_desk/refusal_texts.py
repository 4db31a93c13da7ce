# ruff: noqa: E501  (a table of sentences: one line each keeps each pair greppable)
"""What the till refuses, in Chinese: the refusals' sentences keyed by their English template.

A refusal carries its English template and its values (domain/errors.py); `say` puts the
same values into the Chinese sentence. Sentences that reach the till as text only (the
server's replies, the sync client's and the printer's failures) are matched against the
templates here and in PASSED_ON to recover their values; one that matches nothing is shown
as the code's meaning (texts.REFUSALS_ZH) followed by the English sentence.

tests/test_refusal_texts.py fails when a template in the source has no entry here, or an
entry loses or adds a placeholder. To add a refusal: write `refuse(Code.X, "English with
{value}.", value=...)` with a literal template, then add its Chinese line below.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache
from typing import Any

from loyalty_desk.domain.errors import Phrase, Refusal
from loyalty_desk.texts import REFUSALS_ZH, refusal_text

# English template -> Chinese template (same placeholders, same format specs).
ZH: dict[str, str] = {
    # Amounts, points, phones, names, dates (domain).
    "The {field} is empty; enter it in yuan, e.g. 128.50.": "{field}为空；请以元为单位输入，例如 128.50。",
    "The {field} cannot be negative ({text}).": "{field}不能为负数（{text}）。",
    "'{text}' is not an amount; enter it in yuan, e.g. 128.50.": "“{text}”不是金额；请以元为单位输入，例如 128.50。",
    "'{text}' has more than 2 decimals (fen).": "“{text}”的小数超过 2 位（分）。",
    "The {field} must be a whole number of fen.": "{field}必须是整数分。",
    "The {field} must be more than 0.": "{field}必须大于 0。",
    "{amount_yuan} yuan is over the limit of {max_yuan} for one receipt.": "{amount_yuan} 元超过单张小票上限 {max_yuan} 元。",
    "{what} must be a whole number, not '{text}'.": "{what}必须是整数，而不是“{text}”。",
    "Points are a whole number.": "积分必须是整数。",
    "'{text}' is not a mainland mobile number (11 digits starting with 13–19).": "“{text}”不是大陆手机号（以 13–19 开头的 11 位数字）。",
    "{phone} is not an assigned mobile number range.": "{phone} 不属于已分配的手机号段。",
    "The name is empty.": "姓名为空。",
    "The name is {n_name} characters; at most {name_max} fit.": "姓名有 {n_name} 个字符；最多 {name_max} 个。",
    "The name contains control characters; type it again.": "姓名含有控制字符；请重新输入。",
    "A birthday of {value} is in the future.": "生日 {value} 在未来。",
    "A birthday of {value} is too far in the past.": "生日 {value} 太久远了。",
    "'{text}' is not a real {field}; write it as YYYY-MM-DD.": "“{text}”不是有效的{field}；请写成 YYYY-MM-DD。",
    "'{text}' is not a time as ISO 8601 (2026-05-01T14:30).": "“{text}”不是 ISO 8601 时间（2026-05-01T14:30）。",
    "'{text}' is not a date (YYYY-MM-DD) or ISO time.": "“{text}”不是日期（YYYY-MM-DD）或 ISO 时间。",
    "'{text}' is not a month; write it as YYYY-MM.": "“{text}”不是月份；请写成 YYYY-MM。",
    "The period ends ({last}) before it starts ({first}); swap the dates.": "结束日期（{last}）早于开始日期（{first}）；请对调两个日期。",
    "A report covers at most {max_days} days; {first} to {last} is longer.": "报表最多覆盖 {max_days} 天；{first} 至 {last} 超出了。",
    "Give one period: --from/--to, --day, --week or --month.": "请给出一个期间：--from/--to、--day、--week 或 --month。",
    # Redeeming points and coupons.
    "Choose how many points to redeem (more than 0).": "请选择要抵扣的积分数（大于 0）。",
    "At least {min_points} points can be redeemed at a time.": "每次至少抵扣 {min_points} 积分。",
    "The member has {balance} points; {points} cannot be redeemed.": "该会员有 {balance} 积分；无法抵扣 {points} 积分。",
    "Points may pay at most {share}% of the receipt ({receipt_amount_yuan} yuan): {limit} points at most.": "积分最多抵扣小票金额的 {share}%（{receipt_amount_yuan} 元）：最多 {limit} 积分。",
    "Choose how many points to exchange (more than 0).": "请选择要兑换的积分数（大于 0）。",
    "At least {min_points} points can be exchanged for a voucher.": "至少 {min_points} 积分才能兑换优惠券。",
    "The member has {balance} points; {points} cannot be exchanged.": "该会员有 {balance} 积分；无法兑换 {points} 积分。",
    "This coupon was cancelled by a manager and cannot be used.": "此优惠券已被店长作废，不能使用。",
    "This coupon was already used{where}{store}; a coupon can be used once.": "此优惠券已使用过{where}{store}；每张券只能使用一次。",
    "This coupon can be used from {first_day}.": "此优惠券自 {first_day} 起可用。",
    "This coupon expired on {last_day}.": "此优惠券已于 {last_day} 过期。",
    "This coupon belongs to another member; it can only be used on a purchase of the member it was issued to.": "此优惠券属于其他会员；只能用于该券所属会员的消费。",
    "This coupon needs a purchase of at least {min_spend_yuan} yuan; the receipt is {amount_yuan} yuan.": "此优惠券需消费满 {min_spend_yuan} 元；本单为 {amount_yuan} 元。",
    "This coupon is bound to a member: find that member at the till first (phone or member code), then apply the coupon.": "此优惠券绑定了会员：请先找到该会员（手机号或会员码），再使用此券。",
    "This coupon is genuine but has not reached this till yet (it was issued in another store); sync the till and try again.": "此优惠券是真券，但尚未同步到本收银机（由其他门店发放）；请同步后重试。",
    "No coupon was used on receipt {receipt_no} in this store.": "本店小票 {receipt_no} 没有使用优惠券。",
    "Receipt {receipt_no} already has a coupon; one coupon per receipt.": "小票 {receipt_no} 已用过一张券；每张小票限用一张。",
    "A points voucher is bought with the member's points: exchange points instead.": "积分券需用会员积分兑换：请改用积分兑换。",
    "A points voucher is cancelled in the store that issued it ({issued_store_id}), where its points are given back.": "积分券需在发券门店（{issued_store_id}）作废，积分在那里退还。",
    "A batch hands out one of: {names}.": "批量发券只能选择以下之一：{names}。",
    "The {lower} is switched off in rule version {version}.": "规则版本 {version} 已关闭{lower}。",
    "'{text}' is not a coupon kind ({names}).": "“{text}”不是券种（{names}）。",
    "'{segment}' is not a segment ({names}).": "“{segment}”不是会员细分（{names}）。",
    "No member is in the {value} segment today; nothing was issued.": "今天{value}细分中没有会员；未发放任何券。",
    "The win-back coupon is switched off in rule version {version}.": "规则版本 {version} 已关闭唤回券。",
    "Nobody on the win-back list is without a win-back coupon; nothing was issued.": "唤回名单上的会员都已有唤回券；未发放任何券。",
    "Give a reason ({low}–{high} characters).": "请填写原因（{low}–{high} 个字符）。",
    "Name the member, or give --bearer for anyone's use.": "请指定会员，或用 --bearer 发放不记名券。",
    "A points voucher needs the member and --points N.": "积分券需要会员和 --points N。",
    # Offline redemption.
    "This member can redeem points only while the till is online (an earlier offline redemption overdrew the account). Check the network and try again.": "该会员只能在收银机联网时使用积分（之前的离线抵扣已透支）。请检查网络后重试。",
    "The till is offline and last synced {when}; points can be redeemed offline only within {max_sync_age_hours} hours of a sync. Reconnect to redeem.": "收银机离线，上次同步于 {when}；离线时只能在同步后 {max_sync_age_hours} 小时内抵扣积分。请联网后再抵扣。",
    "This member already has {unconfirmed_offline} offline redemptions waiting for the server; no more until the till is back online.": "该会员已有 {unconfirmed_offline} 笔离线抵扣等待服务器确认；联网前不能再抵扣。",
    "While offline a member may redeem at most {daily_cap_points} points a day; {left} are left today.": "离线时每位会员每天最多抵扣 {daily_cap_points} 积分；今天还剩 {left} 积分。",
    # Receipts, refunds, adjustments.
    "'{receipt_no}' is not a receipt number (1–64 letters, digits or - _ . / : #).": "“{receipt_no}”不是小票号（1–64 个字母、数字或 - _ . / : #）。",
    "{at} is in the future.": "{at} 在未来。",
    "{at} is more than {limit} days ago; such receipts need an adjustment.": "{at} 已超过 {limit} 天；这样的小票需要人工调整。",
    "No points were earned or redeemed on receipt {receipt_no}.": "小票 {receipt_no} 没有获得或抵扣积分。",
    "No points were earned on receipt {receipt_no}.": "小票 {receipt_no} 没有获得积分。",
    "Receipt {receipt_no} is already fully refunded.": "小票 {receipt_no} 已全部退货。",
    "Only {left_yuan} yuan of receipt {receipt_no} is left to refund (paid {base_yuan}).": "小票 {receipt_no} 只剩 {left_yuan} 元可退（实付 {base_yuan} 元）。",
    "Receipt {receipt_no} already earned points ({paid_yuan} yuan); it cannot earn again.": "小票 {receipt_no} 已获得过积分（{paid_yuan} 元）；不能再次积分。",
    "Receipt {receipt_no} already has {points} points redeemed.": "小票 {receipt_no} 已抵扣 {points} 积分。",
    "An adjustment is a whole number of points, not 0.": "调整必须是非 0 的整数积分。",
    "{points} points is beyond the adjustment limit of {max_adjust_points}.": "{points} 积分超过调整上限 {max_adjust_points}。",
    "Give a reason for the adjustment (3–200 characters).": "请填写调整原因（3–200 个字符）。",
    "The member has {balance} points; taking {points} would go below zero.": "该会员有 {balance} 积分；扣除 {points} 积分后将小于零。",
    # Members.
    "{phone_head}****{phone_tail} is already member {member_code}.": "{phone_head}****{phone_tail} 已是会员 {member_code}。",
    "That phone already belongs to member {member_code}.": "该手机号已属于会员 {member_code}。",
    "Changing a phone number needs a manager.": "修改手机号需要店长。",
    "No member matches '{ref}'.": "没有与“{ref}”相符的会员。",
    "'{ref}' is neither a member code (10 digits) nor a full mobile number.": "“{ref}”既不是会员码（10 位数字）也不是完整手机号。",
    "No member has the referral code '{referrer_code}'; check it or leave it out.": "没有会员的推荐码是“{referrer_code}”；请核对或留空。",
    "The search has characters that are not text; type it again.": "搜索内容含有非文本字符；请重新输入。",
    "'{search}' is not the start of a phone (1…), a member code (8…) or the last 4 digits of a phone.": "“{search}”不是手机号开头（1…）、会员码（8…）或手机号后 4 位。",
    "A page holds 1 to {max_page} members, not {limit}.": "每页可显示 1 到 {max_page} 位会员，而不是 {limit}。",
    "Type the full phone (11 digits) or its last 4 digits, or scan the member's code.": "请输入完整手机号（11 位）或后 4 位，或扫描会员码。",
    "The file is neither UTF-8 nor GB18030 text; save it as CSV.": "该文件既不是 UTF-8 也不是 GB18030 文本；请另存为 CSV。",
    "The file has no {missing} column; the header must name phone, name, birthday, opening_points.": "该文件没有 {missing} 列；表头必须包含 phone、name、birthday、opening_points。",
    "Line {line_num} of the file cannot be read as CSV ({exc}); fix it and import again. Nothing was imported.": "文件第 {line_num} 行无法按 CSV 读取（{exc}）；请修正后重新导入。未导入任何内容。",
    # Staff and PINs.
    "Wrong PIN for {name}; {left} tries left before a {lock_minutes}-minute lock.": "{name} 的 PIN 错误；再错 {left} 次将锁定 {lock_minutes} 分钟。",
    "{name} is locked after {max_attempts} wrong PINs; try again in {minutes} min (at {until:%H:%M}).": "{name} 因 {max_attempts} 次 PIN 错误已锁定；请在 {minutes} 分钟后（{until:%H:%M}）重试。",
    "No staff account has that name; type it again.": "没有这个名字的员工账号；请重新输入。",
    "No staff account named '{name}'.": "没有名为“{name}”的员工账号。",
    "This needs a manager's PIN.": "此操作需要店长 PIN。",
    "{name} is not a manager.": "{name} 不是店长。",
    "No manager account exists; add one with `staff add`.": "还没有店长账号；请用 `staff add` 添加。",
    "Role must be cashier or manager, not '{role}'.": "角色必须是收银员或店长，而不是“{role}”。",
    "A PIN is 4 to 12 digits.": "PIN 为 4 到 12 位数字。",
    "The PIN is 4 to 12 digits.": "PIN 为 4 到 12 位数字。",
    "The two PINs differ; type the same PIN twice.": "两次输入的 PIN 不同；请输入相同的 PIN。",
    "A staff account named '{clean}' already exists.": "名为“{clean}”的员工账号已存在。",
    "{name} is the only manager; add another manager before closing this account.": "{name} 是唯一的店长；请先添加另一位店长再停用此账号。",
    # The store, its database and backups.
    "'{store_id}' is not a store id (1–32 letters, digits, - or _).": "“{store_id}”不是门店编号（1–32 个字母、数字、- 或 _）。",
    "'{clean}' is not a store id: 1 to 32 letters, digits, - or _, starting with a letter or digit (e.g. SH001).": "“{clean}”不是门店编号：1 到 32 个字母、数字、- 或 _，以字母或数字开头（例如 SH001）。",
    "'{tz_name}' is not a time zone (e.g. Asia/Shanghai).": "“{tz_name}”不是时区（例如 Asia/Shanghai）。",
    "'{timezone}' is not a time zone (e.g. Asia/Shanghai).": "“{timezone}”不是时区（例如 Asia/Shanghai）。",
    "'{tz_name}' is not a time zone.": "“{tz_name}”不是时区。",
    "This till already belongs to store '{existing}'; its ledger cannot move to '{store_id}'. Use another data directory.": "本收银机已属于门店“{existing}”；其账目不能移到“{store_id}”。请使用另一个数据目录。",
    "This database was written by a newer Loyalty Desk (schema {exc}); not touched.": "该数据库由更新版本的 Loyalty Desk 写入（结构 {exc}）；未做任何改动。",
    "This database was written by a newer Loyalty Desk (schema {exc}); install that version or newer. The file was not touched.": "该数据库由更新版本的 Loyalty Desk 写入（结构 {exc}）；请安装该版本或更新版本。文件未被改动。",
    "The database was written by a newer server ({exc}).": "该数据库由更新版本的服务器写入（{exc}）。",
    "{data_dir} already holds a store; the demo needs an empty data directory.": "{data_dir} 中已有门店；演示需要空的数据目录。",
    "No store database in {data_dir}; run `loyalty-desk init --store-id ID` first.": "{data_dir} 中没有门店数据库；请先运行 `loyalty-desk init --store-id ID`。",
    "The database in {data_dir} has no store; run `loyalty-desk init` first.": "{data_dir} 中的数据库没有门店；请先运行 `loyalty-desk init`。",
    "The backup copy failed its integrity check; the database may be damaged. Run `loyalty-desk restore` with the newest good backup.": "备份副本未通过完整性检查；数据库可能已损坏。请用最新的完好备份运行 `loyalty-desk restore`。",
    "{name} is not a Loyalty Desk database.": "{name} 不是 Loyalty Desk 数据库。",
    "{name} is not a Loyalty Desk database ({exc}).": "{name} 不是 Loyalty Desk 数据库（{exc}）。",
    "No backup file at {source}.": "{source} 没有备份文件。",
    "{name} fails the integrity check; choose another backup. Nothing was changed.": "{name} 未通过完整性检查；请选择另一个备份。未做任何改动。",
    "{name} was written by a newer Loyalty Desk (schema {revision}); install that version to restore it.": "{name} 由更新版本的 Loyalty Desk 写入（结构 {revision}）；请安装该版本后再恢复。",
    "{name} has no store in it.": "{name} 中没有门店。",
    "{name} belongs to store '{store_id}', this till to '{current_store}'. Nothing was changed.": "{name} 属于门店“{store_id}”，本收银机属于“{current_store}”。未做任何改动。",
    "Cannot write a backup to {folder}: {exc}.": "无法将备份写入 {folder}：{exc}。",
    "{name} cannot be opened: {exc}.": "无法打开 {name}：{exc}。",
    "The audit log was tampered with: {problems}": "审计日志被篡改：{problems}",
    # Files, rules, settings.
    "Cannot read {path}: {strerror}.": "无法读取 {path}：{strerror}。",
    "Cannot write {path}: {strerror}.": "无法写入 {path}：{strerror}。",
    "Cannot write {path}: {value}.": "无法写入 {path}：{value}。",
    "Cannot write {target}: give a file name in an existing folder.": "无法写入 {target}：请给出现有文件夹中的文件名。",
    "{path} is not valid TOML: {exc}": "{path} 不是有效的 TOML：{exc}",
    "{name} is not valid TOML: {exc}.": "{name} 不是有效的 TOML：{exc}。",
    "{name} is not UTF-8 text; save it as UTF-8 and try again.": "{name} 不是 UTF-8 文本；请另存为 UTF-8 后重试。",
    "{problems}": "{problems}",
    "'{where}' = {raw!r} is not a valid {name} for this rule.": "“{where}” = {raw!r} 不是此规则有效的 {name}。",
    "{value} must be a table.": "{value} 必须是一个表。",
    "Tier thresholds must rise silver < gold < diamond.": "等级门槛必须递增：银卡 < 金卡 < 钻石。",
    "fen_per_point must be more than 0.": "fen_per_point 必须大于 0。",
    "redemption.max_share_percent must be 1–100.": "redemption.max_share_percent 必须在 1–100 之间。",
    "Expiry and tier term must be at least 1 month.": "有效期和等级期限至少为 1 个月。",
    "version must be 1 or more.": "version 必须大于等于 1。",
    "Unknown rule '{where}'.": "未知规则“{where}”。",
    "'{where}' = {value} is over {limit} {unit}.": "“{where}” = {value} 超过 {limit} {unit}。",
    "Rules cannot take effect in the past ({effective}); the earliest is {today}.": "规则不能在过去生效（{effective}）；最早为 {today}。",
    "This till takes its rules from the chain's server; publish them there.": "本收银机的规则来自连锁服务器；请在服务器上发布。",
    "Choose which printer to use.": "请选择要使用的打印机。",
    "'{target}' is not a USB printer id; write vendor:product in hex (e.g. 04b8:0202).": "“{target}”不是 USB 打印机编号；请以十六进制写成 厂商:产品（例如 04b8:0202）。",
    "'{target}' is not a printer address; write it as host or host:port (e.g. 192.168.1.50:9100).": "“{target}”不是打印机地址；请写成 主机 或 主机:端口（例如 192.168.1.50:9100）。",
    "The store name is 1 to {store_name_max} characters long.": "门店名称为 1 到 {store_name_max} 个字符。",
    "Choose how the thermal printer is connected.": "请选择小票打印机的连接方式。",
    "Thermal paper is 58 or 80 mm wide, not {width_mm}.": "小票纸宽为 58 或 80 毫米，而不是 {width_mm}。",
    "Render as pdf (page 80mm or a6) or escpos (QR native or image), not {fmt}/{page}/{qr}.": "请输出为 pdf（80mm 或 a6 页面）或 escpos（原生或图片二维码），而不是 {fmt}/{page}/{qr}。",
    # Reports and exports.
    "Full phone numbers need a manager's PIN: {why}": "完整手机号需要店长 PIN：{why}",
    "Full phones are for exports: use `report winback`/`tiers` with --format csv.": "完整手机号仅用于导出：请用 `report winback`/`tiers` 加 --format csv。",
    "--slipping-days must be 1 or more.": "--slipping-days 必须大于等于 1。",
    "--format {fmt} needs --out FILE.": "--format {fmt} 需要 --out 文件。",
    "Segments are {names}; a move is FROM:TO (core:dormant); an RFM cell is R,F (5,1).": "细分为 {names}；迁移写成 原:新（core:dormant）；RFM 单元写成 R,F（5,1）。",
    "Say where it goes: --out FILE or --send PRINTER.": "请指定输出位置：--out 文件 或 --send 打印机。",
    "--send prints ESC/POS: add --format escpos.": "--send 打印 ESC/POS：请加上 --format escpos。",
    "Top members: 0 to 1,000, not {top}.": "头部会员数：0 到 1,000，而不是 {top}。",
    "The store's sales must be more than 0.": "门店销售额必须大于 0。",
    "Say which members to list: one segment, one move or one RFM cell.": "请指定要列出的会员：一个细分、一种迁移或一个 RFM 单元。",
    "RFM scores run from 1 to 5, not {r},{f}.": "RFM 分数为 1 到 5，而不是 {r},{f}。",
    "A page lists 1 to 100,000 members from offset 0 on.": "每页列出 1 到 100,000 位会员，偏移量从 0 开始。",
    # Syncing with the chain's server.
    "'{server_url}' is not a server address (http://…).": "“{server_url}”不是服务器地址（http://…）。",
    "A registration code is 12 digits (1234-5678-9012), issued on the server with `loyalty-desk server store code STORE`.": "注册码为 12 位数字（1234-5678-9012），在服务器上用 `loyalty-desk server store code STORE` 生成。",
    "This till's database is a copy of another till's. Register it again (`loyalty-desk register`) to sync as a till of its own; nothing is lost.": "本收银机的数据库是另一台收银机的副本。请重新注册（`loyalty-desk register`）以独立同步；不会丢失任何数据。",
    "{name}: {exc}": "{name}：{exc}",
}

# Parts of sentences (domain.errors.phrase).
PHRASES: dict[str, str] = {
    " on receipt {receipt_no}": "，小票 {receipt_no}",
    " in store {store_id}": "，门店 {store_id}",
}

# Sentences the till receives as text: the sync client's, the printer's, the server's.
PASSED_ON: dict[str, str] = {
    "The server cannot be reached ({why}).": "无法连接服务器（{why}）。",
    "The server answered {status}: {why}": "服务器返回 {status}：{why}",
    "The server stopped the push: {why}": "服务器停止了上传：{why}",
    "This till is not registered with a server; run `loyalty-desk register --server URL --code CODE`.": "本收银机尚未在服务器注册；请运行 `loyalty-desk register --server URL --code CODE`。",
    "This till is not registered with a server.": "本收银机尚未在服务器注册。",
    "The thermal printer '{target}' cannot be used here: {why}": "小票打印机“{target}”在此无法使用：{why}",
    "'{target}' is not a printer setting: use usb:VID:PID, net:HOST[:PORT], win:PRINTER NAME or file:PATH.": "“{target}”不是打印机设置：请用 usb:VID:PID、net:HOST[:PORT]、win:打印机名称 或 file:PATH。",
    "Printing to '{target}' failed: {why}": "打印到“{target}”失败：{why}",
    "This registration code is unknown, used or expired; ask for a new one {rest}": "该注册码不存在、已使用或已过期；请申请新的注册码 {rest}",
    "This device id was revoked; the till registers under a new one.": "该设备编号已被吊销；收银机将以新编号注册。",
    "The device token is not valid; register again.": "设备凭证无效；请重新注册。",
    "This till was revoked; register it again.": "本收银机已被吊销；请重新注册。",
    "The device token expired; register again.": "设备凭证已过期；请重新注册。",
    "This server does not know '{kind}' events.": "服务器不认识“{kind}”类记录。",
    "No hold {hold_id} for this till.": "本收银机没有冻结 {hold_id}。",
}

# Words the callers pass as values ("The {field} is empty"): translated with the sentence.
WORDS: dict[str, str] = {
    "amount": "金额",
    "amount paid": "实付金额",
    "receipt amount": "小票金额",
    "receipt total": "小票总额",
    "refund amount": "退货金额",
    "points": "积分",
    "date": "日期",
    "birthday": "生日",
    "month": "月份",
    "start date": "开始日期",
    "end date": "结束日期",
    "effective date": "生效日期",
    "rules": "规则",
    "new member coupon": "新会员礼券",
    "birthday coupon": "生日礼券",
    "welcome-back coupon": "回归礼券",
    "spend-more coupon": "满额礼券",
    "points voucher": "积分兑换券",
    "core": "核心",
    "potential": "潜力",
    "basic": "基础",
    "dormant": "沉睡",
}


def _value(value: Any, chinese: bool) -> Any:
    if isinstance(value, Refusal):
        return say(value, chinese=chinese)
    if isinstance(value, Phrase):
        template = PHRASES.get(value.template, value.template) if chinese else value.template
        return template.format_map({k: _value(v, chinese) for k, v in value.values.items()})
    if isinstance(value, list | tuple) and value and isinstance(value[0], Refusal):
        return ("；" if chinese else "; ").join(say(r, chinese=chinese) for r in value)
    if chinese and isinstance(value, str):
        return WORDS.get(value, value)
    return value


def _fill(template: str, values: Mapping[str, Any], chinese: bool) -> str:
    return template.format_map({k: _value(v, chinese) for k, v in values.items()})


def say(refusal: Refusal, *, chinese: bool) -> str:
    """The refusal's sentence in Chinese or English, with its values."""
    if not chinese:
        return refusal.message
    zh = ZH.get(refusal.template) if refusal.template else None
    if zh is not None:
        return _fill(zh, refusal.values, True)
    if not refusal.template:
        meaning = REFUSALS_ZH.get(str(refusal.code))
        if meaning is not None and refusal.message.startswith(f"{meaning}。"):
            return refusal.message  # said in Chinese already
        matched = match_text(refusal.message)
        if matched is not None:
            return matched
    return refusal_text(refusal.code, refusal.message, chinese=True)


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each template as a pattern that finds its values in a sentence. Templates with
    format specs, repeated names or too little fixed text to be recognised are left out."""
    out = []
    for en, zh in {**ZH, **PASSED_ON}.items():
        regex, fixed, seen = "", 0, set()
        for literal, name, spec, conversion in string.Formatter().parse(en):
            regex += re.escape(literal)
            fixed += len(literal)
            if name is None:
                continue
            if spec or conversion or name in seen:
                break
            seen.add(name)
            regex += f"(?P<{name}>.+?)"
        else:
            if fixed >= 8:
                out.append((re.compile(regex + r"\Z", re.S), zh))
    return out


def match_text(message: str) -> str | None:
    """A sentence that arrived as text, in Chinese, if it is one of ours."""
    for pattern, zh in _patterns():
        found = pattern.match(message)
        if found is not None:
            return _fill(zh, found.groupdict(), True)
    return None
