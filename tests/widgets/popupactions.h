#pragma once

// The object names of the actions in the context menu that `open` pops up (the menu is read and
// closed as soon as it shows).
#include <QApplication>
#include <QMenu>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace fathom::test {

inline QStringList popupActions(const std::function<void()>& open)
{
    QStringList offered;
    QTimer::singleShot(200, [&offered] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            for (auto* action : menu->actions())
                offered << action->objectName();
            menu->close();
        }
    });
    open();
    return offered;
}

} // namespace fathom::test
