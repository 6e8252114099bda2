#include "shell/placeholder_screen.h"

#include <QLabel>
#include <QVBoxLayout>

namespace sluice::ui {

PlaceholderScreen::PlaceholderScreen(const QString &title, const QString &text, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("screenTitle"));
    auto *body = new QLabel(text, this);
    body->setWordWrap(true);
    body->setObjectName(QStringLiteral("placeholderText"));
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addStretch();
}

} // namespace sluice::ui
