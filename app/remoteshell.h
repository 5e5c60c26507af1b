#pragma once

// What RemoteTrainer's files share for the commands they run on a host over SSH.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace fathom::remote {

// One argument for a POSIX shell, whatever it holds.
inline QString quoted(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// The last non-empty line of a command's output (its error, as a rule).
inline QString lastLine(const QByteArray& text)
{
    const auto lines = QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace fathom::remote
