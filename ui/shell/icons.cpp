#include "shell/icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace sluice::ui {

namespace {

// Qt 6.4 does not recolour SVG icons: this engine renders the glyph and
// fills it with the colour of the mode it is asked for.
class TintedEngine final : public QIconEngine
{
public:
    TintedEngine(QString path, QColor normal, QColor selected, bool fromPalette)
        : m_path(std::move(path)), m_normal(std::move(normal)), m_selected(std::move(selected)), m_fromPalette(fromPalette)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = render(rect.size() * dpr, mode);
        pm.setDevicePixelRatio(dpr);
        Q_UNUSED(state);
        painter->drawPixmap(rect, pm);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override { return render(size, mode); }

    QIconEngine *clone() const override { return new TintedEngine(m_path, m_normal, m_selected, m_fromPalette); }

private:
    QColor colorFor(QIcon::Mode mode) const
    {
        if (m_fromPalette) {
            const QPalette palette = QGuiApplication::palette();
            switch (mode) {
            case QIcon::Disabled: return palette.color(QPalette::Disabled, QPalette::WindowText);
            case QIcon::Selected: return palette.color(QPalette::HighlightedText);
            default: return palette.color(QPalette::WindowText);
            }
        }
        if (mode == QIcon::Selected)
            return m_selected;
        QColor c = m_normal;
        if (mode == QIcon::Disabled)
            c.setAlphaF(0.45);
        return c;
    }

    QPixmap render(const QSize &size, QIcon::Mode mode) const
    {
        QPixmap pm(size.isValid() && !size.isEmpty() ? size : QSize(16, 16));
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        QSvgRenderer(m_path).render(&p, QRectF(QPointF(0, 0), pm.size()));
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(pm.rect(), colorFor(mode));
        return pm;
    }

    QString m_path;
    QColor m_normal, m_selected;
    bool m_fromPalette;
};

QString pathOf(const QString &name)
{
    return QStringLiteral(":/icons/sluice/scalable/%1.svg").arg(name);
}

} // namespace

QIcon sluiceIcon(const QString &name)
{
    return QIcon(new TintedEngine(pathOf(name), {}, {}, true));
}

QIcon sluiceIcon(const QString &name, const QColor &color, const QColor &selected)
{
    return QIcon(new TintedEngine(pathOf(name), color, selected, false));
}

} // namespace sluice::ui
