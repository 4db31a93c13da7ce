<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <source>{before} → {after} points</source>
        <translation>{before} → {after} 积分</translation>
    </message>
    <message>
        <source>That would take the balance below zero.</source>
        <translation>调整后积分余额将小于零。</translation>
    </message>
    <message>
        <source>Adjusted {n} points for {name}: {reason}</source>
        <translation>已为 {name} 调整 {n} 积分：{reason}</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>&amp;Points (+ or −)</source>
        <translation>积分（+ 或 −）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Why — this goes into the audit log</source>
        <translation>调整原因——将记入审计日志</translation>
    </message>
    <message>
        <source>&amp;Manager PIN</source>
        <translation>店长 PIN(&amp;M)</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>您的 PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>调整</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>The chain is intact: {n} entries, none changed, none missing.</source>
        <translation>审计链完整：共 {n} 条，无篡改，无缺失。</translation>
    </message>
    <message>
        <source>The audit log was tampered with: {problems}</source>
        <translation>审计日志已被篡改：{problems}</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>校验审计链</translation>
    </message>
</context>
<context>
    <name>Award</name>
    <message>
        <source>first purchase</source>
        <translation>首单</translation>
    </message>
    <message>
        <source>receipt of ¥1,000 or more</source>
        <translation>单笔满 ¥1,000</translation>
    </message>
    <message>
        <source>birthday month</source>
        <translation>生日月</translation>
    </message>
    <message>
        <source>{paid} paid → {base} base points</source>
        <translation>实付 {paid} → 基础积分 {base}</translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation>{n} 积分</translation>
    </message>
    <message>
        <source>{n} points are over today&apos;s limit for this member and are not awarded.</source>
        <translation>{n} 积分超出该会员今日积分上限，不予发放。</translation>
    </message>
    <message>
        <source>First purchase of a referred member: +{n} welcome points, +{m} for the referrer.</source>
        <translation>被推荐会员首单：新会员 +{n} 欢迎积分，推荐人 +{m}。</translation>
    </message>
    <message>
        <source>This purchase upgrades the member to {tier}.</source>
        <translation>本次消费后会员升级为{tier}。</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <source>amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Enter the receipt and the amount paid to see the points.</source>
        <translation>输入小票号和实付金额即可查看积分。</translation>
    </message>
    <message>
        <source>+{n} points</source>
        <translation>+{n} 积分</translation>
    </message>
    <message>
        <source>Receipt {no} already earned these points; nothing new to award.</source>
        <translation>小票 {no} 已获得过这些积分，无需再次发放。</translation>
    </message>
    <message>
        <source>Awarded {n} points to {name} for receipt {no}.</source>
        <translation>已为 {name} 发放 {n} 积分（小票 {no}）。</translation>
    </message>
    <message>
        <source>Upgraded to {tier}!</source>
        <translation>已升级为{tier}！</translation>
    </message>
    <message>
        <source>Award points</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>小票号(&amp;R)</translation>
    </message>
    <message>
        <source>As printed on the till receipt</source>
        <translation>与收银小票上的一致</translation>
    </message>
    <message>
        <source>&amp;Amount paid (¥)</source>
        <translation>实付金额（¥）(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 128.50</source>
        <translation>例如 128.50</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <source>Camera scanning needs the &apos;camera&apos; extra: pip install loyalty-desk[camera].</source>
        <translation>摄像头扫码需要安装 camera 扩展：pip install loyalty-desk[camera]。</translation>
    </message>
    <message>
        <source>The camera cannot be used on this PC: {error}</source>
        <translation>此电脑无法使用摄像头：{error}</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>摄像头扫码</translation>
    </message>
    <message>
        <source>Hold the QR code in front of the camera.</source>
        <translation>请将二维码对准摄像头。</translation>
    </message>
    <message>
        <source>No camera found: connect one, or type the code.</source>
        <translation>未找到摄像头：请连接摄像头或手动输入。</translation>
    </message>
    <message>
        <source>That QR code is not a member card or coupon.</source>
        <translation>该二维码不是会员码或优惠券。</translation>
    </message>
</context>
<context>
    <name>CheckoutCoupons</name>
    <message>
        <source>Camera scanning needs the &apos;camera&apos; extra: pip install loyalty-desk[camera].</source>
        <translation>摄像头扫码需要安装 camera 扩展：pip install loyalty-desk[camera]。</translation>
    </message>
    <message>
        <source>Scan a member&apos;s or a coupon&apos;s QR code with the camera</source>
        <translation>用摄像头扫描会员码或优惠券二维码</translation>
    </message>
    <message>
        <source>Ctrl+P prints the points slip.</source>
        <translation>按 Ctrl+P 打印积分小票。</translation>
    </message>
    <message>
        <source>No purchase of this member to print a slip for yet.</source>
        <translation>该会员还没有消费记录，无法打印小票。</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Print a member card for {name}?</source>
        <translation>为 {name} 打印会员卡？</translation>
    </message>
    <message>
        <source>Print card</source>
        <translation>打印会员卡</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <source>F2 search · ↑↓ choose · Enter open · Esc clear</source>
        <translation>F2 搜索 · ↑↓ 选择 · Enter 打开 · Esc 清空</translation>
    </message>
    <message>
        <source>A coupon code: Enter applies it.</source>
        <translation>这是优惠券码：按 Enter 使用。</translation>
    </message>
    <message>
        <source>Keep typing: at least 4 digits.</source>
        <translation>请继续输入：至少 4 位数字。</translation>
    </message>
    <message>
        <source>No member found. F5 enrols a new member.</source>
        <translation>未找到会员。按 F5 登记新会员。</translation>
    </message>
    <message>
        <source>Phone, last 4 digits, or scan</source>
        <translation>手机号、后4位或扫码</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Award points  F3</source>
        <translation>发放积分  F3</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <source>Redeem  F4</source>
        <translation>积分抵扣  F4</translation>
    </message>
    <message>
        <source>F4</source>
        <translation>F4</translation>
    </message>
    <message>
        <source>Refund  F6</source>
        <translation>退货  F6</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>Enrol  F5</source>
        <translation>登记会员  F5</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>History  F7</source>
        <translation>积分记录  F7</translation>
    </message>
    <message>
        <source>F7</source>
        <translation>F7</translation>
    </message>
    <message>
        <source>Edit  F9</source>
        <translation>编辑  F9</translation>
    </message>
    <message>
        <source>F9</source>
        <translation>F9</translation>
    </message>
    <message>
        <source>Adjust  F8</source>
        <translation>调整  F8</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>Give coupon  F10</source>
        <translation>发券  F10</translation>
    </message>
    <message>
        <source>F10: give this member a coupon (manager)</source>
        <translation>F10：给该会员发一张优惠券（店长）</translation>
    </message>
    <message>
        <source>Coupon batch  F11</source>
        <translation>批量发券  F11</translation>
    </message>
    <message>
        <source>F11: coupons for a whole segment, printed as one PDF (manager)</source>
        <translation>F11：给整个会员细分发券，合并为一个 PDF 打印（店长）</translation>
    </message>
    <message>
        <source>Use coupon  F12</source>
        <translation>用券  F12</translation>
    </message>
    <message>
        <source>F12: apply one of the member&apos;s coupons, or scan one at any time</source>
        <translation>F12：使用该会员的优惠券，也可随时扫券</translation>
    </message>
    <message>
        <source>Print slip  Ctrl+P</source>
        <translation>打印小票  Ctrl+P</translation>
    </message>
    <message>
        <source>Ctrl+P: the points slip of the member&apos;s last purchase</source>
        <translation>Ctrl+P：打印该会员最近一次消费的积分小票</translation>
    </message>
    <message>
        <source>Member card  Ctrl+K</source>
        <translation>会员卡  Ctrl+K</translation>
    </message>
    <message>
        <source>Ctrl+K: print the member card with its QR code</source>
        <translation>Ctrl+K：打印带二维码的会员卡</translation>
    </message>
</context>
<context>
    <name>CouponBatchDialog</name>
    <message>
        <source>Every member the reports count in the segment today gets one coupon; the vouchers come out as one PDF.</source>
        <translation>报表中今天属于该细分的每位会员各得一张优惠券；券面合并为一个 PDF。</translation>
    </message>
    <message>
        <source>Render again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Cancel rendering</source>
        <translation>取消生成</translation>
    </message>
    <message>
        <source>Rendering voucher {done} of {total}…</source>
        <translation>正在生成第 {done}/{total} 张券…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{n} vouchers ready: print them (Ctrl+P) or save as PDF (Ctrl+S).</source>
        <translation>{n} 张券已生成：打印（Ctrl+P）或另存为 PDF（Ctrl+S）。</translation>
    </message>
    <message>
        <source>{why} The coupons are issued; Enter renders them again.</source>
        <translation>{why} 优惠券已发放；按 Enter 重新生成券面。</translation>
    </message>
    <message>
        <source>Issued {n} {kind} coupons to the {segment} segment.</source>
        <translation>已向“{segment}”细分发放 {n} 张{kind}。</translation>
    </message>
    <message>
        <source>Coupons for a segment</source>
        <translation>按细分发券</translation>
    </message>
    <message>
        <source>&amp;Segment</source>
        <translation>细分(&amp;S)</translation>
    </message>
    <message>
        <source>Coupon &amp;kind</source>
        <translation>券种(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Manager PIN</source>
        <translation>店长 PIN(&amp;M)</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>您的 PIN</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Ctrl+P: on the printer chosen in settings</source>
        <translation>Ctrl+P：用设置中选定的打印机打印</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Issue and render</source>
        <translation>发放并生成</translation>
    </message>
</context>
<context>
    <name>CouponIssue</name>
    <message>
        <source>{value} off a purchase from {spend}; valid {first} to {last}.</source>
        <translation>满 {spend} 减 {value}；有效期 {first} 至 {last}。</translation>
    </message>
</context>
<context>
    <name>CouponIssueDialog</name>
    <message>
        <source>Gave {name} a {kind} ({condition}), valid until {last}.</source>
        <translation>已给 {name} 发放{kind}（{condition}），有效期至 {last}。</translation>
    </message>
    <message>
        <source>Give a coupon</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <source>Coupon &amp;kind</source>
        <translation>券种(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Manager PIN</source>
        <translation>店长 PIN(&amp;M)</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>您的 PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Give coupon</source>
        <translation>发券</translation>
    </message>
</context>
<context>
    <name>CouponRedeemDialog</name>
    <message>
        <source>No member selected: a bearer coupon can be used by anyone.</source>
        <translation>未选择会员：不记名券任何人都可使用。</translation>
    </message>
    <message>
        <source>None available today</source>
        <translation>今天没有可用的券</translation>
    </message>
    <message>
        <source>receipt total</source>
        <translation>小票总额</translation>
    </message>
    <message>
        <source>Choose or scan a coupon, then enter the receipt.</source>
        <translation>选择或扫描一张优惠券，然后输入小票。</translation>
    </message>
    <message>
        <source>Checking the coupon…</source>
        <translation>正在核对优惠券…</translation>
    </message>
    <message>
        <source>The customer pays {pay}.</source>
        <translation>顾客需付 {pay}。</translation>
    </message>
    <message>
        <source>{kind}: {condition}, valid {first} to {last}.</source>
        <translation>{kind}：{condition}，有效期 {first} 至 {last}。</translation>
    </message>
    <message>
        <source>Coupon applied: take {value} off receipt {no}; the customer pays {pay}.</source>
        <translation>已用券：小票 {no} 减免 {value}；顾客需付 {pay}。</translation>
    </message>
    <message>
        <source>Use a coupon</source>
        <translation>使用优惠券</translation>
    </message>
    <message>
        <source>The member&apos;s &amp;coupons</source>
        <translation>会员的优惠券(&amp;C)</translation>
    </message>
    <message>
        <source>Coupon c&amp;ode</source>
        <translation>券号(&amp;O)</translation>
    </message>
    <message>
        <source>Scan the voucher&apos;s QR code or type its 20 digits</source>
        <translation>扫描券面二维码或输入 20 位券号</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>小票号(&amp;R)</translation>
    </message>
    <message>
        <source>As printed on the till receipt</source>
        <translation>与收银小票上的一致</translation>
    </message>
    <message>
        <source>Receipt &amp;total (¥)</source>
        <translation>小票总额（¥）(&amp;T)</translation>
    </message>
    <message>
        <source>Before the coupon, e.g. 268.00</source>
        <translation>用券前金额，例如 268.00</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠金额</translation>
    </message>
    <message>
        <source>Print voucher</source>
        <translation>打印券面</translation>
    </message>
    <message>
        <source>Ctrl+P: print this coupon again, e.g. for a member who lost the paper</source>
        <translation>Ctrl+P：重新打印这张券，例如会员丢失了纸券</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Apply coupon</source>
        <translation>用券</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>{what}

Where: {where}</source>
        <translation>{what}

位置：{where}</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Sales that were confirmed are saved. If this screen looks wrong, close the program and start it again.
The details were written to {log}.</source>
        <translation>已确认的交易均已保存。如果界面显示异常，请关闭程序后重新启动。
详细信息已写入 {log}。</translation>
    </message>
    <message>
        <source>{n} more errors since then.</source>
        <translation>此后又发生 {n} 个错误。</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The till&apos;s database is damaged</source>
        <translation>收银机数据库已损坏</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loyalty Desk cannot use this till&apos;s database: it failed its check.&lt;/b&gt;&lt;br&gt;Do not keep selling with it. Restore the newest backup below; sales recorded after that backup was made must then be entered again (or come back with the next sync). The damaged file is kept for support.</source>
        <translation>&lt;b&gt;本机数据库未通过检查，积分台无法使用。&lt;/b&gt;&lt;br&gt;请勿继续用它收银。请恢复下方最新的备份；备份之后记录的交易需要重新录入（或在下次同步时取回）。损坏的文件会保留，供技术支持使用。</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>恢复所选备份</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>There is no backup on this PC yet. Choose a copy from elsewhere (e.g. a USB stick), or quit and call support.</source>
        <translation>本机还没有备份。请从其他位置（如U盘）选择一份副本，或退出并联系技术支持。</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Loyalty Desk backups (*.db)</source>
        <translation>积分台备份 (*.db)</translation>
    </message>
    <message>
        <source>Restoring {name}…</source>
        <translation>正在恢复 {name}…</translation>
    </message>
    <message>
        <source>The restore failed ({error}); the database was not changed.</source>
        <translation>恢复失败（{error}）；数据库未作任何更改。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>{n} more digits</source>
        <translation>还差 {n} 位</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Year-month-day, e.g. 1990-05-17</source>
        <translation>年-月-日，例如 1990-05-17</translation>
    </message>
    <message>
        <source>Not a referral code: check the digits on the member&apos;s card.</source>
        <translation>不是有效的推荐码：请核对会员卡上的数字。</translation>
    </message>
    <message>
        <source>Welcome, {name}! Member {code} is enrolled.</source>
        <translation>欢迎，{name}！会员 {code} 已登记。</translation>
    </message>
    <message>
        <source>Enrol a member</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>&amp;Mobile phone</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13812345678</source>
        <translation>11 位数字，例如 13812345678</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>As the member wants to be greeted</source>
        <translation>会员希望的称呼</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>Optional, YYYY-MM-DD</source>
        <translation>选填，格式 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Referral code</source>
        <translation>推荐码(&amp;R)</translation>
    </message>
    <message>
        <source>Optional: the referring member&apos;s 8-digit code</source>
        <translation>选填：推荐人的 8 位推荐码</translation>
    </message>
    <message>
        <source>Open that member</source>
        <translation>打开该会员</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>As the computer is set</source>
        <translation>跟随电脑设置</translation>
    </message>
    <message>
        <source>The store id is 1 to 32 letters, digits, - or _, starting with a letter or digit (e.g. SH001).</source>
        <translation>门店编号为 1 至 32 个字母、数字、- 或 _，以字母或数字开头（例如 SH001）。</translation>
    </message>
    <message>
        <source>Choose a time zone from the list (e.g. Asia/Shanghai).</source>
        <translation>请从列表中选择时区（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <source>Type the first manager&apos;s name.</source>
        <translation>请输入第一位店长的姓名。</translation>
    </message>
    <message>
        <source>The PIN is 4 to 12 digits.</source>
        <translation>PIN 为 4 至 12 位数字。</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>两次输入的 PIN 不一致，请输入相同的 PIN。</translation>
    </message>
    <message>
        <source>Creating the demo store: members and fourteen months of purchases…</source>
        <translation>正在创建示范店：会员及十四个月的消费记录…</translation>
    </message>
    <message>
        <source>Creating the store…</source>
        <translation>正在创建门店…</translation>
    </message>
    <message>
        <source>Type both the server address and the one-time code, or leave both empty to register later.</source>
        <translation>请同时填写服务器地址和一次性注册码，或两项都留空以后再注册。</translation>
    </message>
    <message>
        <source>Registering with {url}…</source>
        <translation>正在向 {url} 注册…</translation>
    </message>
    <message>
        <source>No printer yet: save as PDF files</source>
        <translation>暂无打印机：保存为 PDF 文件</translation>
    </message>
    <message>
        <source>A printer of this computer</source>
        <translation>本电脑的打印机</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS)</source>
        <translation>小票打印机（ESC/POS）</translation>
    </message>
    <message>
        <source>{mm} mm</source>
        <translation>{mm} 毫米</translation>
    </message>
    <message>
        <source>The printers this computer knows; empty: its default printer.</source>
        <translation>本电脑已安装的打印机；留空则使用默认打印机。</translation>
    </message>
    <message>
        <source>How it is connected: net:192.168.1.50:9100, usb:04b8:0202 (vendor:product), win:PRINTER NAME or file:PATH.</source>
        <translation>连接方式：net:192.168.1.50:9100、usb:04b8:0202（厂商:产品）、win:打印机名称 或 file:路径。</translation>
    </message>
    <message>
        <source>Vouchers and slips are saved as PDF files to print elsewhere.</source>
        <translation>优惠券和小票将保存为 PDF 文件，可在别处打印。</translation>
    </message>
    <message>
        <source>Write how the receipt printer is connected: net:192.168.1.50:9100, usb:04b8:0202, win:PRINTER NAME or file:PATH.</source>
        <translation>请填写小票打印机的连接方式：net:192.168.1.50:9100、usb:04b8:0202、win:打印机名称 或 file:路径。</translation>
    </message>
    <message>
        <source>Saving the printer…</source>
        <translation>正在保存打印机设置…</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>测试页</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <source>The demo store is ready. Sign in as {cashier} (PIN {cashier_pin}) or as the manager {manager} (PIN {manager_pin}).</source>
        <translation>示范店已就绪。请以收银员 {cashier}（PIN {cashier_pin}）或店长 {manager}（PIN {manager_pin}）登录。</translation>
    </message>
    <message>
        <source>{name} ({store_id}) is ready. Sign in as {manager} with the PIN you chose, then add your cashiers under Settings.</source>
        <translation>{name}（{store_id}）已就绪。请以 {manager} 和您设置的 PIN 登录，然后在“设置”中添加收银员。</translation>
    </message>
    <message>
        <source>Registered with {url}.</source>
        <translation>已注册到 {url}。</translation>
    </message>
    <message>
        <source>Not registered with the chain&apos;s server: a manager can do it later with `loyalty-desk register --server URL --code CODE`.</source>
        <translation>尚未注册到总部服务器：店长可稍后运行 `loyalty-desk register --server URL --code CODE` 完成注册。</translation>
    </message>
    <message>
        <source>Set up Loyalty Desk</source>
        <translation>设置积分台</translation>
    </message>
    <message>
        <source>Welcome to Loyalty Desk</source>
        <translation>欢迎使用积分台</translation>
    </message>
    <message>
        <source>A few questions and this till is ready. First, the language of the screens.</source>
        <translation>回答几个问题，这台收银机就可以使用了。首先，请选择界面语言。</translation>
    </message>
    <message>
        <source>You can change it later under Settings.</source>
        <translation>之后可在“设置”中更改。</translation>
    </message>
    <message>
        <source>A demo store, or your store?</source>
        <translation>示范店，还是您的门店？</translation>
    </message>
    <message>
        <source>The demo store is for trying things out; it is not for real customers.</source>
        <translation>示范店仅供试用，不可用于真实顾客。</translation>
    </message>
    <message>
        <source>A few hundred sample members with fourteen months of purchases, a cashier and a manager, so every screen has something to show.</source>
        <translation>数百位示例会员及十四个月的消费记录，另有一位收银员和一位店长，每个界面都有内容可看。</translation>
    </message>
    <message>
        <source>Your store&apos;s id, name and time zone, its first manager, then the chain&apos;s server and the printer.</source>
        <translation>门店编号、名称和时区，第一位店长，然后是总部服务器和打印机。</translation>
    </message>
    <message>
        <source>Your store</source>
        <translation>您的门店</translation>
    </message>
    <message>
        <source>The store id is printed on every receipt and sent to the chain&apos;s server; it cannot change later.</source>
        <translation>门店编号会打印在每张小票上并发送到总部服务器，设置后不可更改。</translation>
    </message>
    <message>
        <source>e.g. SH001</source>
        <translation>例如 SH001</translation>
    </message>
    <message>
        <source>e.g. Nanjing Road</source>
        <translation>例如 南京路店</translation>
    </message>
    <message>
        <source>The first manager</source>
        <translation>第一位店长</translation>
    </message>
    <message>
        <source>Managers sign in with their name and PIN; they add the other staff under Settings.</source>
        <translation>店长用姓名和 PIN 登录，并在“设置”中添加其他员工。</translation>
    </message>
    <message>
        <source>e.g. Zhao Min</source>
        <translation>例如 赵敏</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>4 至 12 位数字</translation>
    </message>
    <message>
        <source>The chain&apos;s server (optional)</source>
        <translation>总部服务器（可选）</translation>
    </message>
    <message>
        <source>A registered till sends its sales to the chain and sees members enrolled in other stores. Leave both fields empty to register later.</source>
        <translation>注册后，收银机会把交易发送到总部，并能看到其他门店登记的会员。两项都留空则以后再注册。</translation>
    </message>
    <message>
        <source>https://loyalty.example.com</source>
        <translation>https://loyalty.example.com</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Try the &amp;demo store</source>
        <translation>试用示范店(&amp;D)</translation>
    </message>
    <message>
        <source>Set up &amp;my store (empty)</source>
        <translation>设置我的门店（空白）(&amp;M)</translation>
    </message>
    <message>
        <source>Store &amp;id</source>
        <translation>门店编号(&amp;I)</translation>
    </message>
    <message>
        <source>Store &amp;name</source>
        <translation>门店名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>再次输入 PIN(&amp;A)</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>服务器地址(&amp;A)</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>一次性注册码(&amp;C)</translation>
    </message>
    <message>
        <source>1234-5678-9012</source>
        <translation>1234-5678-9012</translation>
    </message>
    <message>
        <source>Ask the chain&apos;s office for a code; it is used once.</source>
        <translation>请向总部索取注册码，每个码只能使用一次。</translation>
    </message>
    <message>
        <source>The printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Vouchers, points slips and member cards go to this printer. Print a test page to check it.</source>
        <translation>优惠券、积分小票和会员卡都由这台打印机打印。可打印测试页进行检查。</translation>
    </message>
    <message>
        <source>&amp;Print to</source>
        <translation>打印到(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;rinter</source>
        <translation>打印机(&amp;R)</translation>
    </message>
    <message>
        <source>Paper &amp;width</source>
        <translation>纸宽(&amp;W)</translation>
    </message>
    <message>
        <source>Print a &amp;test page</source>
        <translation>打印测试页(&amp;T)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>This till is set up.</source>
        <translation>这台收银机已设置完毕。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>Points history</source>
        <translation>积分记录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Expires / left</source>
        <translation>到期 / 剩余</translation>
    </message>
    <message>
        <source>{day} · {left} left</source>
        <translation>{day} · 剩余 {left}</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Earned</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>积分过期</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>人工调整</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退货冲回</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>奖励积分</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open the store</source>
        <translation>无法打开门店</translation>
    </message>
    <message>
        <source>Loyalty Desk — {store}</source>
        <translation>积分台 — {store}</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>{error}

The action did not complete and nothing of it was saved. The details were written to {log}.</source>
        <translation>{error}

操作未完成，未保存任何内容。详细信息已写入 {log}。</translation>
    </message>
    <message>
        <source>Loyalty Desk</source>
        <translation>积分台</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Checkout (Ctrl+1)</source>
        <translation>收银（Ctrl+1）</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Members (Ctrl+2)</source>
        <translation>会员（Ctrl+2）</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Reports (Ctrl+5)</source>
        <translation>报表（Ctrl+5）</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Audit log (Ctrl+3)</source>
        <translation>审计日志（Ctrl+3）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings (Ctrl+4)</source>
        <translation>设置（Ctrl+4）</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>示范</translation>
    </message>
    <message>
        <source>Generated demo data, not a real store</source>
        <translation>生成的示范数据，并非真实门店</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign out / switch cashier (Ctrl+L)</source>
        <translation>退出登录 / 换班（Ctrl+L）</translation>
    </message>
</context>
<context>
    <name>MemberDetailDialog</name>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Points history</source>
        <translation>积分记录</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>编辑资料</translation>
    </message>
    <message>
        <source>Serve at checkout</source>
        <translation>到收银台办理</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MemberEditDialog</name>
    <message>
        <source>Member {code}</source>
        <translation>会员 {code}</translation>
    </message>
    <message>
        <source>Name and birthday: anyone may correct them. A new phone number needs a manager&apos;s PIN.</source>
        <translation>姓名和生日：任何员工都可更正。更换手机号需要店长 PIN。</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Saved {name}&apos;s details.</source>
        <translation>已保存 {name} 的资料。</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>编辑会员</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty</source>
        <translation>YYYY-MM-DD，或留空</translation>
    </message>
    <message>
        <source>Mobile &amp;phone</source>
        <translation>手机号(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Manager PIN</source>
        <translation>店长 PIN(&amp;M)</translation>
    </message>
    <message>
        <source>A manager approves</source>
        <translation>由店长批准</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>MemberLine</name>
    <message>
        <source>{name} · {phone} · {tier} · {points} points</source>
        <translation>{name} · {phone} · {tier} · {points} 积分</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>{phone}  ·  member {code}</source>
        <translation>{phone}  ·  会员 {code}</translation>
    </message>
    <message>
        <source>worth {value}</source>
        <translation>可抵 {value}</translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation>{n} 积分</translation>
    </message>
    <message>
        <source>{value} off from {spend} · until {until} · {code}</source>
        <translation>满 {spend} 减 {value} · 有效至 {until} · {code}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Negative balance: {n} points owed after a refund; new points repay it.</source>
        <translation>负积分：退货后欠 {n} 积分，新获得的积分将优先抵还。</translation>
    </message>
    <message>
        <source>Online only: points can be redeemed only while connected to head office.</source>
        <translation>仅限联网：只有连接总部时才能使用积分。</translation>
    </message>
    <message>
        <source>Overdraft on record: a manager case is open for this member.</source>
        <translation>有透支记录：已为该会员开立待店长处理的案件。</translation>
    </message>
    <message>
        <source>No member selected</source>
        <translation>未选择会员</translation>
    </message>
    <message>
        <source>Type the member&apos;s phone number or its last 4 digits, or scan the member&apos;s code.</source>
        <translation>输入会员手机号或后4位，或扫描会员码。</translation>
    </message>
    <message>
        <source>Birthday month</source>
        <translation>生日月</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Expiring within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <source>Tier until</source>
        <translation>等级有效期至</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Referral code</source>
        <translation>推荐码</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>最近记录</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Member code</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>统计中…</translation>
    </message>
    <message>
        <source>{n} members match</source>
        <translation>{n} 位会员符合</translation>
    </message>
    <message>
        <source>{n} members</source>
        <translation>{n} 位会员</translation>
    </message>
    <message>
        <source> (more load as you scroll)</source>
        <translation>（滚动加载更多）</translation>
    </message>
    <message>
        <source>{n} shown{more}</source>
        <translation>已显示 {n} 位{more}</translation>
    </message>
    <message>
        <source>Search: start of a phone, last 4 digits, code or name</source>
        <translation>搜索：手机号开头、后4位、会员号或姓名</translation>
    </message>
    <message>
        <source>&amp;Sort</source>
        <translation>排序(&amp;S)</translation>
    </message>
    <message>
        <source>Reverse the order</source>
        <translation>反向排序</translation>
    </message>
    <message>
        <source>Serve at checkout</source>
        <translation>到收银台办理</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开会员</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Voucher</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Points slip</source>
        <translation>积分小票</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Cannot save {path}: {exc}</source>
        <translation>无法保存 {path}：{exc}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Printed on the receipt printer</source>
        <translation>已在小票打印机打印</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <source>Sent to {printer}</source>
        <translation>已发送到 {printer}</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <source>system printer</source>
        <translation>系统打印机</translation>
    </message>
    <message>
        <source>receipt printer {target} ({mm} mm)</source>
        <translation>小票打印机 {target}（{mm} 毫米）</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>Printer: {where}</source>
        <translation>打印机：{where}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>{n} vouchers</source>
        <translation>优惠券 {n} 张</translation>
    </message>
    <message>
        <source>Printing vouchers</source>
        <translation>打印优惠券</translation>
    </message>
    <message>
        <source>Rendering {n} vouchers…</source>
        <translation>正在生成 {n} 张优惠券…</translation>
    </message>
    <message>
        <source>Rendering {done} of {total} vouchers…</source>
        <translation>正在生成第 {done}/{total} 张优惠券…</translation>
    </message>
    <message>
        <source>Ready to print.</source>
        <translation>可以打印了。</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
</context>
<context>
    <name>ProblemTexts</name>
    <message>
        <source>Refused by the server</source>
        <translation>服务器已拒绝</translation>
    </message>
    <message>
        <source>Set aside by the server</source>
        <translation>服务器已隔离</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未上传</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Member merged</source>
        <translation>会员已合并</translation>
    </message>
    <message>
        <source>The server refused this {kind} ({code}): {message} It stands on this till but is not in the chain&apos;s books.</source>
        <translation>服务器拒绝了这条 {kind}（{code}）：{message} 它在本收银台有效，但未记入连锁总账。</translation>
    </message>
    <message>
        <source>The server already holds an event with this id and different content, and kept the first one. The copy this till sent was set aside, not applied.</source>
        <translation>服务器已有一条编号相同、内容不同的记录，并保留了先收到的那条。本收银台上传的这份已被隔离，没有入账。</translation>
    </message>
    <message>
        <source>Sending failed {n} times: {message}</source>
        <translation>上传已失败 {n} 次：{message}</translation>
    </message>
    <message>
        <source>This phone was enrolled in two stores while they were offline; the earlier enrolment, member {winner}, now holds both ledgers.</source>
        <translation>两家门店离线时用同一手机号各办了会员；较早办理的会员 {winner} 现已拥有两份积分记录。</translation>
    </message>
    <message>
        <source>An offline redemption spent more points than the member had across the chain (another store spent them too). The shortfall is booked as an overdraft and the member may only redeem online.</source>
        <translation>一笔离线兑换用掉的积分超过了会员在全连锁的余额（另一家门店也用了这些积分）。差额记为透支，该会员只能在线兑换。</translation>
    </message>
    <message>
        <source>This coupon had already been used in another store (both were offline). Both sales stand.</source>
        <translation>这张券已在另一家门店用过（两店当时都离线）。两笔交易都有效。</translation>
    </message>
    <message>
        <source>This coupon had been voided before it was used here. The sale stands.</source>
        <translation>这张券在本店使用前已被作废。交易有效。</translation>
    </message>
    <message>
        <source>The server does not know the coupon used in this sale.</source>
        <translation>服务器不认识这笔交易使用的券。</translation>
    </message>
    <message>
        <source>Another store drew the same member code for a different member. Both members keep working; this one is found by phone.</source>
        <translation>另一家门店给另一位会员生成了相同的会员码。两位会员都可正常使用；此会员请按手机号查找。</translation>
    </message>
    <message>
        <source>The same phone was enrolled in another store as well; the server merged the two members (the earlier enrolment wins).</source>
        <translation>同一手机号也在另一家门店办了会员；服务器已合并两位会员（以较早办理的为准）。</translation>
    </message>
    <message>
        <source>The server opened a case: {code}.</source>
        <translation>服务器已立案：{code}。</translation>
    </message>
    <message>
        <source>Check the member and the receipt. If points must change, make an adjustment (it syncs as a new event); the refused event is not sent again.</source>
        <translation>请核对会员和小票。如需改动积分，请做一笔调整（作为新记录同步）；被拒绝的记录不会再次上传。</translation>
    </message>
    <message>
        <source>Nothing was counted twice. Tell the chain&apos;s office the event id below; if this till&apos;s database was copied from another till, register it again.</source>
        <translation>没有重复入账。请把下面的记录编号告知总部；如果本收银台的数据库是从另一台复制的，请重新注册。</translation>
    </message>
    <message>
        <source>It is retried automatically. If it keeps failing, check the network and the server address in Settings, then press Sync now.</source>
        <translation>系统会自动重试。如果一直失败，请检查网络和设置中的服务器地址，然后点“立即同步”。</translation>
    </message>
    <message>
        <source>Nothing to do: the old card still works and leads to member {winner}.</source>
        <translation>无需处理：旧卡仍可使用，会指向会员 {winner}。</translation>
    </message>
    <message>
        <source>The member&apos;s next earnings repay the overdraft first. The chain&apos;s office closes the case on the server (loyalty-desk server cases) once it is settled.</source>
        <translation>会员之后获得的积分会先偿还透支。结清后由总部在服务器上结案（loyalty-desk server cases）。</translation>
    </message>
    <message>
        <source>Decide with the chain&apos;s office whether to recover the discount; the case is on the server (loyalty-desk server cases).</source>
        <translation>请与总部商定是否追回优惠；案件在服务器上（loyalty-desk server cases）。</translation>
    </message>
    <message>
        <source>Ask why a voided coupon was accepted; the case is on the server.</source>
        <translation>请查明为何接受了已作废的券；案件在服务器上。</translation>
    </message>
    <message>
        <source>Check the coupon on the receipt with the chain&apos;s office; the case is on the server.</source>
        <translation>请与总部核对小票上的券；案件在服务器上。</translation>
    </message>
    <message>
        <source>Give this member a new card.</source>
        <translation>请给此会员换一张新卡。</translation>
    </message>
    <message>
        <source>Nothing to do: the member keeps one balance and one history.</source>
        <translation>无需处理：会员只保留一个余额和一份记录。</translation>
    </message>
    <message>
        <source>See the case on the server (loyalty-desk server cases).</source>
        <translation>请在服务器上查看案件（loyalty-desk server cases）。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
</context>
<context>
    <name>ReceiptsModel</name>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Refundable</source>
        <translation>可退</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>使用积分</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>receipt total</source>
        <translation>小票总额</translation>
    </message>
    <message>
        <source>Enter the receipt total to see how many points it allows.</source>
        <translation>输入小票总额即可查看可用积分。</translation>
    </message>
    <message>
        <source>Allowed on this receipt: {lo} to {hi} points (balance {bal}).</source>
        <translation>本单可用 {lo} 至 {hi} 积分（余额 {bal}）。</translation>
    </message>
    <message>
        <source>Not possible on this receipt: at least {lo} points are needed and at most {hi} may be used (balance {bal}).</source>
        <translation>本单无法抵扣：至少需要 {lo} 积分，最多可用 {hi} 积分（余额 {bal}）。</translation>
    </message>
    <message>
        <source>The customer pays {pay}; {left} points stay on the card.</source>
        <translation>顾客需付 {pay}；卡内剩余 {left} 积分。</translation>
    </message>
    <message>
        <source>Redeemed {n} points: take {value} off receipt {no}.</source>
        <translation>已使用 {n} 积分：小票 {no} 减免 {value}。</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>小票号(&amp;R)</translation>
    </message>
    <message>
        <source>As printed on the till receipt</source>
        <translation>与收银小票上的一致</translation>
    </message>
    <message>
        <source>Receipt &amp;total (¥)</source>
        <translation>小票总额（¥）(&amp;T)</translation>
    </message>
    <message>
        <source>Before points, e.g. 268.00</source>
        <translation>抵扣前金额，例如 268.00</translation>
    </message>
    <message>
        <source>&amp;Points to use</source>
        <translation>使用积分(&amp;P)</translation>
    </message>
    <message>
        <source>Use the most</source>
        <translation>用最多</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠金额</translation>
    </message>
    <message>
        <source>Use a coupon  F12</source>
        <translation>用券  F12</translation>
    </message>
    <message>
        <source>F12: use one of the member&apos;s coupons on this receipt instead of points</source>
        <translation>F12：本单改用会员的优惠券而不是积分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>抵扣</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Type the receipt number of the sale to refund.</source>
        <translation>请输入要退货的小票号。</translation>
    </message>
    <message>
        <source>refund amount</source>
        <translation>退货金额</translation>
    </message>
    <message>
        <source>Refund {amount}</source>
        <translation>退货 {amount}</translation>
    </message>
    <message>
        <source>Receipt {no}: {left} would remain refundable afterwards.</source>
        <translation>小票 {no}：退货后仍可退 {left}。</translation>
    </message>
    <message>
        <source>{rev} earned points are taken back; {res} redeemed points come back.</source>
        <translation>扣回已得积分 {rev}；退还已用积分 {res}。</translation>
    </message>
    <message>
        <source>{name}&apos;s balance afterwards: {balance} points.</source>
        <translation>{name} 退货后积分余额：{balance}。</translation>
    </message>
    <message>
        <source>The balance goes negative: later purchases will repay it.</source>
        <translation>积分余额将为负数：以后的消费积分会优先抵还。</translation>
    </message>
    <message>
        <source>Refunded {amount} of receipt {no}: {rev} points taken back, {res} returned (approved by {who}).</source>
        <translation>小票 {no} 已退货 {amount}：扣回 {rev} 积分，退还 {res} 积分（批准人 {who}）。</translation>
    </message>
    <message>
        <source>Refund a receipt</source>
        <translation>小票退货</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>小票号(&amp;R)</translation>
    </message>
    <message>
        <source>Type it, or pick the receipt above</source>
        <translation>输入小票号，或在上方选择</translation>
    </message>
    <message>
        <source>Refund &amp;amount (¥)</source>
        <translation>退货金额（¥）(&amp;A)</translation>
    </message>
    <message>
        <source>Empty: everything not yet refunded</source>
        <translation>留空：退回全部未退金额</translation>
    </message>
    <message>
        <source>Enter the receipt number to see what the refund does to the member&apos;s points.</source>
        <translation>输入小票号即可查看退货对会员积分的影响。</translation>
    </message>
    <message>
        <source>&amp;Manager PIN</source>
        <translation>店长 PIN(&amp;M)</translation>
    </message>
    <message>
        <source>A manager approves</source>
        <translation>由店长批准</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退货冲回</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
</context>
<context>
    <name>ServerSettings</name>
    <message>
        <source>The chain&apos;s office issues the code on the server (loyalty-desk server store code {store}); it works once, within 24 hours.</source>
        <translation>注册码由总部在服务器上生成（loyalty-desk server store code {store}）；只能用一次，24 小时内有效。</translation>
    </message>
    <message>
        <source>Not registered: this till works on its own.</source>
        <translation>未注册：本收银台独立运行。</translation>
    </message>
    <message>
        <source>Stopped ({why}): register this till again with a new code.</source>
        <translation>已停止（{why}）：请用新的注册码重新注册本收银台。</translation>
    </message>
    <message>
        <source>Offline: {error}</source>
        <translation>离线：{error}</translation>
    </message>
    <message>
        <source>Registered · {n} events waiting</source>
        <translation>已注册 · {n} 条待上传</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>&amp;Register again</source>
        <translation>重新注册(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Register this till</source>
        <translation>注册本收银台(&amp;R)</translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation>同步完成。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and the code.</source>
        <translation>请输入服务器地址和注册码。</translation>
    </message>
    <message>
        <source>Registering with {url}…</source>
        <translation>正在向 {url} 注册…</translation>
    </message>
    <message>
        <source>Registered {name} ({store}) with {url} as till {device}.</source>
        <translation>已将 {name}（{store}）注册到 {url}，收银台编号 {device}。</translation>
    </message>
    <message>
        <source>This till now syncs under a new id; its unsynced events moved with it.</source>
        <translation>本收银台已使用新编号同步，未同步的记录一并转移。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>总部服务器</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Till id</source>
        <translation>收银台编号</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>服务器地址(&amp;A)</translation>
    </message>
    <message>
        <source>https://loyalty.example.com:8750</source>
        <translation>https://loyalty.example.com:8750</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>一次性注册码(&amp;C)</translation>
    </message>
    <message>
        <source>Registers this till with the chain&apos;s server; the code comes from `loyalty-desk server store code STORE` and works once, for 24 hours</source>
        <translation>将本收银台注册到连锁服务器；注册码由 `loyalty-desk server store code STORE` 生成，只能用一次，24 小时内有效</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Send this till&apos;s events and fetch the chain&apos;s changes now</source>
        <translation>立即上传本收银台的记录并获取连锁的更新</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>同步问题(&amp;P)…</translation>
    </message>
    <message>
        <source>Events the server refused or set aside, and conflicts it found</source>
        <translation>服务器拒绝或隔离的记录，以及发现的冲突</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>As the computer is set</source>
        <translation>跟随电脑设置</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>不打印</translation>
    </message>
    <message>
        <source>A printer of this computer</source>
        <translation>本电脑的打印机</translation>
    </message>
    <message>
        <source>Receipt printer on the network (ESC/POS)</source>
        <translation>网络小票打印机（ESC/POS）</translation>
    </message>
    <message>
        <source>Receipt printer on USB (ESC/POS)</source>
        <translation>USB 小票打印机（ESC/POS）</translation>
    </message>
    <message>
        <source>Receipt printer by its Windows name (ESC/POS)</source>
        <translation>Windows 打印机名称对应的小票打印机（ESC/POS）</translation>
    </message>
    <message>
        <source>Receipt printer as a file or device (ESC/POS)</source>
        <translation>写入文件或设备的小票打印机（ESC/POS）</translation>
    </message>
    <message>
        <source>The screens switch to the language as soon as the settings are saved.</source>
        <translation>保存设置后，界面会立即切换到所选语言。</translation>
    </message>
    <message>
        <source>The printer setting stored on this computer cannot be read ({value}); vouchers and slips are saved as PDF files until a printer is chosen and saved.</source>
        <translation>本电脑保存的打印机设置无法读取（{value}）；在重新选择并保存打印机之前，优惠券和小票将保存为 PDF 文件。</translation>
    </message>
    <message>
        <source>{mm} mm</source>
        <translation>{mm} 毫米</translation>
    </message>
    <message>
        <source>Drawn by the printer</source>
        <translation>由打印机绘制</translation>
    </message>
    <message>
        <source>Sent as a picture (printers without a QR command)</source>
        <translation>以图片发送（不支持二维码指令的打印机）</translation>
    </message>
    <message>
        <source>The printers this computer knows.</source>
        <translation>本电脑已安装的打印机。</translation>
    </message>
    <message>
        <source>Its address, e.g. 192.168.1.50:9100</source>
        <translation>打印机地址，例如 192.168.1.50:9100</translation>
    </message>
    <message>
        <source>Vendor and product id in hex, e.g. 04b8:0202</source>
        <translation>十六进制的厂商和产品编号，例如 04b8:0202</translation>
    </message>
    <message>
        <source>The printer&apos;s name in Windows; the receipts go to it unchanged.</source>
        <translation>打印机在 Windows 中的名称；小票数据原样发送给它。</translation>
    </message>
    <message>
        <source>The file or device it is written to, e.g. /dev/usb/lp0</source>
        <translation>写入的文件或设备，例如 /dev/usb/lp0</translation>
    </message>
    <message>
        <source>Vouchers and slips are saved as PDF files to print elsewhere.</source>
        <translation>优惠券和小票将保存为 PDF 文件，可在别处打印。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Close account…</source>
        <translation>停用账号…</translation>
    </message>
    <message>
        <source>Reopen account…</source>
        <translation>重新启用账号…</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>门店编号</translation>
    </message>
    <message>
        <source>Store &amp;name</source>
        <translation>门店名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Printer for vouchers and slips</source>
        <translation>优惠券和小票打印机</translation>
    </message>
    <message>
        <source>&amp;Printer</source>
        <translation>打印机(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Which</source>
        <translation>选择(&amp;W)</translation>
    </message>
    <message>
        <source>Paper wi&amp;dth</source>
        <translation>纸宽(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;QR codes</source>
        <translation>二维码(&amp;Q)</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <source>Add staff…</source>
        <translation>添加员工…</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>重设 PIN…</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>解锁…</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Loyalty Desk</source>
        <translation>积分台</translation>
    </message>
    <message>
        <source>Demo store — manager {m} (PIN {mp}), cashier {c} (PIN {cp})</source>
        <translation>示范店——店长 {m}（PIN {mp}），收银员 {c}（PIN {cp}）</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>This store has no staff accounts yet. Create the first manager.</source>
        <translation>本店还没有员工账号。请创建第一位店长。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>请输入您的 PIN。</translation>
    </message>
    <message>
        <source>{name} is locked after too many wrong PINs. Try again after {time}, or ask a manager to unlock the account.</source>
        <translation>{name} 因多次输错 PIN 已被锁定。请在 {time} 后重试，或请店长解锁。</translation>
    </message>
    <message>
        <source>Sign in to start your shift</source>
        <translation>登录开始当班</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>您的 PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>The first manager</source>
        <translation>第一位店长</translation>
    </message>
    <message>
        <source>Add a staff account</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <source>New PIN for {name}</source>
        <translation>为 {name} 重设 PIN</translation>
    </message>
    <message>
        <source>Unlock {name}</source>
        <translation>解锁 {name}</translation>
    </message>
    <message>
        <source>Close {name}&apos;s account</source>
        <translation>停用 {name} 的账号</translation>
    </message>
    <message>
        <source>Reopen {name}&apos;s account</source>
        <translation>重新启用 {name} 的账号</translation>
    </message>
    <message>
        <source>{name} will no longer be able to sign in. Their history stays.</source>
        <translation>{name} 将无法再登录，其历史记录仍会保留。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>PIN 为 4 至 12 位数字。</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>两次输入的 PIN 不一致，请输入相同的 PIN。</translation>
    </message>
    <message>
        <source>{name} can now sign in as manager.</source>
        <translation>{name} 现在可以以店长身份登录。</translation>
    </message>
    <message>
        <source>{name} can now sign in.</source>
        <translation>{name} 现在可以登录了。</translation>
    </message>
    <message>
        <source>{name} has a new PIN.</source>
        <translation>{name} 的 PIN 已重设。</translation>
    </message>
    <message>
        <source>{name} is unlocked.</source>
        <translation>{name} 已解锁。</translation>
    </message>
    <message>
        <source>{name}&apos;s account is closed.</source>
        <translation>{name} 的账号已停用。</translation>
    </message>
    <message>
        <source>{name}&apos;s account is open again.</source>
        <translation>{name} 的账号已重新启用。</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>As they will pick it when signing in</source>
        <translation>登录时选择的名字</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;PIN</source>
        <translation>新 PIN(&amp;P)</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>4 至 12 位数字</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>再次输入 PIN(&amp;A)</translation>
    </message>
    <message>
        <source>The same PIN once more</source>
        <translation>再输入一次相同的 PIN</translation>
    </message>
    <message>
        <source>&amp;Your manager PIN</source>
        <translation>您的店长 PIN(&amp;Y)</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>您的 PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
</context>
<context>
    <name>StartupChecks</name>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The till&apos;s database was restored from {name}.</source>
        <translation>已从 {name} 恢复收银机数据库。</translation>
    </message>
    <message>
        <source>The database it replaced is kept as {path}.</source>
        <translation>被替换的数据库保留为 {path}。</translation>
    </message>
    <message>
        <source>This Loyalty Desk is older than the till&apos;s database</source>
        <translation>此积分台版本比收银机数据库旧</translation>
    </message>
    <message>
        <source>This is Loyalty Desk {version}. The till&apos;s database was last used by a newer version, so this one must not open it.</source>
        <translation>当前为积分台 {version}。收银机数据库上次由更新的版本使用，此版本不能打开它。</translation>
    </message>
    <message>
        <source>Install the newest Loyalty Desk again (the installer keeps the data). Nothing was changed.

{detail}</source>
        <translation>请重新安装最新版积分台（安装程序会保留数据）。未作任何更改。

{detail}</translation>
    </message>
    <message>
        <source>Database upgraded</source>
        <translation>数据库已升级</translation>
    </message>
    <message>
        <source>Loyalty Desk {version} upgraded this till&apos;s database (schema {old} → {new}). All members, points and sales are kept.</source>
        <translation>积分台 {version} 已升级本机数据库（结构 {old} → {new}）。所有会员、积分和交易均已保留。</translation>
    </message>
    <message>
        <source>A copy from before the upgrade is kept at {path}.</source>
        <translation>升级前的副本保存在 {path}。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Receiving %p%</source>
        <translation>接收中 %p%</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Send this till&apos;s events and fetch the chain&apos;s now</source>
        <translation>立即发送本机记录并获取总部数据</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Finishing the last action before closing…</source>
        <translation>正在完成最后一项操作，随后关闭…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <source>{n} events waiting</source>
        <translation>{n} 条记录待同步</translation>
    </message>
    <message>
        <source>Sync not set up · {waiting}</source>
        <translation>未设置同步 · {waiting}</translation>
    </message>
    <message>
        <source>Sync stopped: {why} · {waiting}</source>
        <translation>同步已停止：{why} · {waiting}</translation>
    </message>
    <message>
        <source>Syncing… · {waiting}</source>
        <translation>同步中… · {waiting}</translation>
    </message>
    <message>
        <source> · retrying in {n} s</source>
        <translation> · {n} 秒后重试</translation>
    </message>
    <message>
        <source>Offline · {waiting}{retry} · last sync {when}</source>
        <translation>离线 · {waiting}{retry} · 上次同步 {when}</translation>
    </message>
    <message>
        <source>Synced {when} · {waiting}</source>
        <translation>已同步 {when} · {waiting}</translation>
    </message>
    <message>
        <source>this till was revoked on the server; register it again</source>
        <translation>服务器已吊销本收银机，请重新注册</translation>
    </message>
    <message>
        <source>the till&apos;s pass expired; register it again</source>
        <translation>收银机凭证已过期，请重新注册</translation>
    </message>
    <message>
        <source>the server did not accept this till; register it again</source>
        <translation>服务器未接受本收银机，请重新注册</translation>
    </message>
    <message>
        <source>this database is a copy of another till&apos;s; register it again</source>
        <translation>本数据库是另一台收银机的副本，请重新注册</translation>
    </message>
    <message>
        <source>the server needs a newer client; update this program</source>
        <translation>服务器要求更新的客户端，请升级本程序</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>{n} things syncing left for a manager, newest first.</source>
        <translation>同步留下 {n} 项需店长处理，最新的在前。</translation>
    </message>
    <message>
        <source>No problems: every event was accepted and no case was opened.</source>
        <translation>没有问题：所有记录都已被接受，没有立案。</translation>
    </message>
    <message>
        <source>member {id}</source>
        <translation>会员 {id}</translation>
    </message>
    <message>
        <source>{kind} #{seq} · {id}</source>
        <translation>{kind} #{seq} · {id}</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <source>The selected problem</source>
        <translation>所选问题</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>怎么处理</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
</context>
</TS>
