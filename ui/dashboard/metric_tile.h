#pragma once

#include <QFrame>

class QLabel;

namespace sluice::ui {

// One measure at a glance: its name, its value over the range, a line under
// it (the runs it counts, or the limit it is held to) and a state glyph.
class MetricTile final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricTile)

public:
    enum class State { Neutral, Good, Warning, Bad };
    MetricTile(const QString &title, QWidget *parent = nullptr);
    void show(const QString &value, const QString &detail, State state, const QString &tooltip = {});

private:
    QLabel *m_value;
    QLabel *m_detail;
    QLabel *m_glyph;
};

} // namespace sluice::ui
