#include "dashboard/metric_tile.h"

#include <QGridLayout>
#include <QLabel>

namespace sluice::ui {

MetricTile::MetricTile(const QString &title, QWidget *parent)
    : QFrame(parent), m_value(new QLabel(QStringLiteral("…"), this)), m_detail(new QLabel(this)), m_glyph(new QLabel(this))
{
    setObjectName(QStringLiteral("metricTile"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *name = new QLabel(title, this);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    name->setFont(small);
    name->setForegroundRole(QPalette::PlaceholderText);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setWeight(QFont::DemiBold);
    m_value->setFont(big);
    m_value->setObjectName(QStringLiteral("tileValue"));
    m_detail->setFont(small);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_glyph->setFont(big);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(name, 0, 0, 1, 2);
    layout->addWidget(m_value, 1, 0);
    layout->addWidget(m_glyph, 1, 1, Qt::AlignRight);
    layout->setColumnStretch(0, 1);
    layout->addWidget(m_detail, 2, 0, 1, 2);
    setMinimumWidth(140);
}

void MetricTile::show(const QString &value, const QString &detail, State state, const QString &tooltip)
{
    m_value->setText(value);
    m_detail->setText(detail);
    setToolTip(tooltip);
    // Okabe–Ito hues (UI.md): colour marks the glyph only; words stay in the text colour.
    const bool dark = palette().color(QPalette::Window).lightness() < palette().color(QPalette::WindowText).lightness();
    switch (state) {
    case State::Good:
        m_glyph->setText(QStringLiteral("✓"));
        m_glyph->setStyleSheet(QStringLiteral("color: %1").arg(dark ? QStringLiteral("#35C79A") : QStringLiteral("#00785A")));
        break;
    case State::Warning:
        m_glyph->setText(QStringLiteral("!"));
        m_glyph->setStyleSheet(QStringLiteral("color: %1").arg(dark ? QStringLiteral("#E8B400") : QStringLiteral("#B07D00")));
        break;
    case State::Bad:
        m_glyph->setText(QStringLiteral("✕"));
        m_glyph->setStyleSheet(QStringLiteral("color: %1").arg(dark ? QStringLiteral("#FF6B4A") : QStringLiteral("#C8331B")));
        break;
    case State::Neutral: m_glyph->clear(); break;
    }
}

} // namespace sluice::ui
