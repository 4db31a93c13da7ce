# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_MemberPanel(object):
    def setupUi(self, MemberPanel):
        if not MemberPanel.objectName():
            MemberPanel.setObjectName(u"MemberPanel")
        MemberPanel.setProperty(u"role", u"card")
        MemberPanel.setFrameShape(QFrame.Shape.StyledPanel)
        self.outer = QVBoxLayout(MemberPanel)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.states = QStackedWidget(MemberPanel)
        self.states.setObjectName(u"states")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.spacer1)

        self.emptyTitle = QLabel(self.emptyPage)
        self.emptyTitle.setObjectName(u"emptyTitle")
        self.emptyTitle.setProperty(u"role", u"title")
        self.emptyTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.emptyLayout.addWidget(self.emptyTitle)

        self.emptyText = QLabel(self.emptyPage)
        self.emptyText.setObjectName(u"emptyText")
        self.emptyText.setProperty(u"role", u"subtitle")
        self.emptyText.setWordWrap(True)
        self.emptyText.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.emptyLayout.addWidget(self.emptyText)

        self.spacer2 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.spacer2)

        self.states.addWidget(self.emptyPage)
        self.memberPage = QWidget()
        self.memberPage.setObjectName(u"memberPage")
        self.memberLayout = QVBoxLayout(self.memberPage)
        self.memberLayout.setSpacing(10)
        self.memberLayout.setObjectName(u"memberLayout")
        self.memberLayout.setContentsMargins(0, 0, 0, 0)
        self.nameRow = QHBoxLayout()
        self.nameRow.setSpacing(10)
        self.nameRow.setObjectName(u"nameRow")
        self.nameLabel = QLabel(self.memberPage)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setText(u"")
        self.nameLabel.setProperty(u"role", u"name")

        self.nameRow.addWidget(self.nameLabel)

        self.tierBadge = QLabel(self.memberPage)
        self.tierBadge.setObjectName(u"tierBadge")
        self.tierBadge.setText(u"")
        self.tierBadge.setProperty(u"role", u"badge")

        self.nameRow.addWidget(self.tierBadge)

        self.birthdayBadge = QLabel(self.memberPage)
        self.birthdayBadge.setObjectName(u"birthdayBadge")
        self.birthdayBadge.setProperty(u"role", u"badge")
        self.birthdayBadge.setProperty(u"tier", u"birthday")

        self.nameRow.addWidget(self.birthdayBadge)

        self.spacer3 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nameRow.addItem(self.spacer3)


        self.memberLayout.addLayout(self.nameRow)

        self.identityLabel = QLabel(self.memberPage)
        self.identityLabel.setObjectName(u"identityLabel")
        self.identityLabel.setText(u"")
        self.identityLabel.setProperty(u"role", u"subtitle")

        self.memberLayout.addWidget(self.identityLabel)

        self.flagsLabel = QLabel(self.memberPage)
        self.flagsLabel.setObjectName(u"flagsLabel")
        self.flagsLabel.setText(u"")
        self.flagsLabel.setProperty(u"role", u"message")
        self.flagsLabel.setWordWrap(True)
        self.flagsLabel.setProperty(u"tone", u"warn")

        self.memberLayout.addWidget(self.flagsLabel)

        self.balanceRow = QHBoxLayout()
        self.balanceRow.setSpacing(6)
        self.balanceRow.setObjectName(u"balanceRow")
        self.balanceLabel = QLabel(self.memberPage)
        self.balanceLabel.setObjectName(u"balanceLabel")
        self.balanceLabel.setText(u"0")
        self.balanceLabel.setProperty(u"role", u"balance")

        self.balanceRow.addWidget(self.balanceLabel)

        self.pointsWord = QLabel(self.memberPage)
        self.pointsWord.setObjectName(u"pointsWord")
        self.pointsWord.setProperty(u"role", u"subtitle")
        self.pointsWord.setAlignment(Qt.AlignmentFlag.AlignBottom|Qt.AlignmentFlag.AlignLeft)

        self.balanceRow.addWidget(self.pointsWord)

        self.spacer4 = QSpacerItem(16, 20, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.balanceRow.addItem(self.spacer4)

        self.valueLabel = QLabel(self.memberPage)
        self.valueLabel.setObjectName(u"valueLabel")
        self.valueLabel.setText(u"")
        self.valueLabel.setProperty(u"role", u"value")
        self.valueLabel.setAlignment(Qt.AlignmentFlag.AlignBottom|Qt.AlignmentFlag.AlignLeft)

        self.balanceRow.addWidget(self.valueLabel)

        self.spacer5 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.balanceRow.addItem(self.spacer5)


        self.memberLayout.addLayout(self.balanceRow)

        self.factsGrid = QGridLayout()
        self.factsGrid.setSpacing(8)
        self.factsGrid.setObjectName(u"factsGrid")
        self.expiringTitle = QLabel(self.memberPage)
        self.expiringTitle.setObjectName(u"expiringTitle")
        self.expiringTitle.setProperty(u"role", u"field")

        self.factsGrid.addWidget(self.expiringTitle, 0, 0, 1, 1)

        self.expiringLabel = QLabel(self.memberPage)
        self.expiringLabel.setObjectName(u"expiringLabel")
        self.expiringLabel.setText(u"\u2014")

        self.factsGrid.addWidget(self.expiringLabel, 0, 1, 1, 1)

        self.lastVisitTitle = QLabel(self.memberPage)
        self.lastVisitTitle.setObjectName(u"lastVisitTitle")
        self.lastVisitTitle.setProperty(u"role", u"field")

        self.factsGrid.addWidget(self.lastVisitTitle, 0, 2, 1, 1)

        self.lastVisitLabel = QLabel(self.memberPage)
        self.lastVisitLabel.setObjectName(u"lastVisitLabel")
        self.lastVisitLabel.setText(u"\u2014")

        self.factsGrid.addWidget(self.lastVisitLabel, 0, 3, 1, 1)

        self.tierUntilTitle = QLabel(self.memberPage)
        self.tierUntilTitle.setObjectName(u"tierUntilTitle")
        self.tierUntilTitle.setProperty(u"role", u"field")

        self.factsGrid.addWidget(self.tierUntilTitle, 1, 0, 1, 1)

        self.tierUntilLabel = QLabel(self.memberPage)
        self.tierUntilLabel.setObjectName(u"tierUntilLabel")
        self.tierUntilLabel.setText(u"\u2014")

        self.factsGrid.addWidget(self.tierUntilLabel, 1, 1, 1, 1)

        self.sinceTitle = QLabel(self.memberPage)
        self.sinceTitle.setObjectName(u"sinceTitle")
        self.sinceTitle.setProperty(u"role", u"field")

        self.factsGrid.addWidget(self.sinceTitle, 1, 2, 1, 1)

        self.sinceLabel = QLabel(self.memberPage)
        self.sinceLabel.setObjectName(u"sinceLabel")
        self.sinceLabel.setText(u"\u2014")

        self.factsGrid.addWidget(self.sinceLabel, 1, 3, 1, 1)

        self.referralTitle = QLabel(self.memberPage)
        self.referralTitle.setObjectName(u"referralTitle")
        self.referralTitle.setProperty(u"role", u"field")

        self.factsGrid.addWidget(self.referralTitle, 2, 0, 1, 1)

        self.referralLabel = QLabel(self.memberPage)
        self.referralLabel.setObjectName(u"referralLabel")
        self.referralLabel.setText(u"\u2014")

        self.factsGrid.addWidget(self.referralLabel, 2, 1, 1, 1)

        self.birthdayTitle = QLabel(self.memberPage)
        self.birthdayTitle.setObjectName(u"birthdayTitle")
        self.birthdayTitle.setProperty(u"role", u"field")

        self.factsGrid.addWidget(self.birthdayTitle, 2, 2, 1, 1)

        self.birthdayLabel = QLabel(self.memberPage)
        self.birthdayLabel.setObjectName(u"birthdayLabel")
        self.birthdayLabel.setText(u"\u2014")

        self.factsGrid.addWidget(self.birthdayLabel, 2, 3, 1, 1)

        self.factsGrid.setColumnStretch(1, 1)
        self.factsGrid.setColumnStretch(3, 1)

        self.memberLayout.addLayout(self.factsGrid)

        self.couponsTitle = QLabel(self.memberPage)
        self.couponsTitle.setObjectName(u"couponsTitle")
        self.couponsTitle.setProperty(u"role", u"field")

        self.memberLayout.addWidget(self.couponsTitle)

        self.couponsLabel = QLabel(self.memberPage)
        self.couponsLabel.setObjectName(u"couponsLabel")
        self.couponsLabel.setText(u"")
        self.couponsLabel.setWordWrap(True)

        self.memberLayout.addWidget(self.couponsLabel)

        self.recentTitle = QLabel(self.memberPage)
        self.recentTitle.setObjectName(u"recentTitle")
        self.recentTitle.setProperty(u"role", u"field")

        self.memberLayout.addWidget(self.recentTitle)

        self.recentLabel = QLabel(self.memberPage)
        self.recentLabel.setObjectName(u"recentLabel")
        self.recentLabel.setText(u"")
        self.recentLabel.setTextFormat(Qt.TextFormat.RichText)

        self.memberLayout.addWidget(self.recentLabel)

        self.spacer6 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.memberLayout.addItem(self.spacer6)

        self.states.addWidget(self.memberPage)

        self.outer.addWidget(self.states)


        self.retranslateUi(MemberPanel)

        QMetaObject.connectSlotsByName(MemberPanel)
    # setupUi

    def retranslateUi(self, MemberPanel):
        self.emptyTitle.setText(QCoreApplication.translate("MemberPanel", u"No member selected", None))
        self.emptyText.setText(QCoreApplication.translate("MemberPanel", u"Type the member's phone number or its last 4 digits, or scan the member's code.", None))
        self.birthdayBadge.setText(QCoreApplication.translate("MemberPanel", u"Birthday month", None))
        self.pointsWord.setText(QCoreApplication.translate("MemberPanel", u"points", None))
        self.expiringTitle.setText(QCoreApplication.translate("MemberPanel", u"Expiring within 30 days", None))
        self.lastVisitTitle.setText(QCoreApplication.translate("MemberPanel", u"Last visit", None))
        self.tierUntilTitle.setText(QCoreApplication.translate("MemberPanel", u"Tier until", None))
        self.sinceTitle.setText(QCoreApplication.translate("MemberPanel", u"Member since", None))
        self.referralTitle.setText(QCoreApplication.translate("MemberPanel", u"Referral code", None))
        self.birthdayTitle.setText(QCoreApplication.translate("MemberPanel", u"Birthday", None))
        self.couponsTitle.setText(QCoreApplication.translate("MemberPanel", u"Coupons", None))
        self.recentTitle.setText(QCoreApplication.translate("MemberPanel", u"Recent activity", None))
        pass
    # retranslateUi

