#pragma once

#include <QDialog>
#include <QString>

#include <utility>
#include <vector>

class QMenuBar;

namespace fathom {

// Help → Keyboard Shortcuts: every menu command that has a key, read from the menus themselves
// (so the list never falls behind them), then the keys and mouse gestures of the views and the
// review lists. In the interface's language.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QMenuBar* menus, QWidget* parent = nullptr);
    // {what, keys}, a group's title carrying empty keys: what the dialog lists.
    static std::vector<std::pair<QString, QString>> entries(const QMenuBar* menus);
};

} // namespace fathom
