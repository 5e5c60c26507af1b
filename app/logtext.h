#pragma once

#include "common/logging.h"

#include <QCoreApplication>
#include <QStringList>

namespace fathom::logtext {

// `source` with %1, %2, … replaced by `args` in one pass, so a path holding "%2" stays as it is.
inline QString fill(const QString& source, const QStringList& args)
{
    QString out;
    out.reserve(source.size());
    for (qsizetype i = 0; i < source.size(); ++i) {
        const int n = i + 1 < source.size() ? source[i + 1].digitValue() : -1;
        if (source[i] == QLatin1Char('%') && n >= 1 && n <= args.size()) {
            out += args[n - 1];
            ++i;
        } else {
            out += source[i];
        }
    }
    return out;
}

// The window's own messages for the log: English in the log file (for support and grep), the
// user's language in the Log dock. Mark `source` where it is written with
// QT_TRANSLATE_NOOP("Log", "…") so that lupdate collects it.
inline void info(const char* source, const QStringList& args = {})
{
    logging::info(fill(QString::fromUtf8(source), args).toStdString(),
                  fill(QCoreApplication::translate("Log", source), args).toStdString());
}

inline void warn(const char* source, const QStringList& args = {})
{
    logging::warn(fill(QString::fromUtf8(source), args).toStdString(),
                  fill(QCoreApplication::translate("Log", source), args).toStdString());
}

} // namespace fathom::logtext
