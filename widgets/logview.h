#pragma once

#include "common/logging.h"

#include <QPlainTextEdit>

namespace fathom {

// The Log dock: every record the engine logs, newest at the bottom, warnings and errors coloured.
class LogView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit LogView(QWidget* parent = nullptr);
    void append(logging::Level level, const QString& time, const QString& text);
};

} // namespace fathom
