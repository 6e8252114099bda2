#pragma once

#include <QWidget>

namespace sluice::ui {

// A screen that is not built yet says so plainly instead of pretending.
class PlaceholderScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderScreen)

public:
    PlaceholderScreen(const QString &title, const QString &text, QWidget *parent = nullptr);
};

} // namespace sluice::ui
