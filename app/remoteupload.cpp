// RemoteTrainer's copy of the data set to the host: hashed here, kept there by digest, sent
// only when the host does not hold it whole already.
#include "remoteshell.h"
#include "remotetrainer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace fathom {

using remote::lastLine;
using remote::quoted;

void RemoteTrainer::hashData()
{
    // The files' SHA-256 name them on the host, read on a thread of their own (a large data set
    // takes a moment); a data set the host already holds is then not sent again.
    emit status(tr("Reading the data set to send to %1…").arg(m_target.host));
    struct Hashes
    {
        QStringList keys;
        QString error;
    };
    auto result = std::make_shared<Hashes>();
    auto stop = m_stopHashing = std::make_shared<std::atomic<bool>>(false);
    const auto files = m_data;
    auto* thread = QThread::create([result, stop, files] {
        for (const auto& file : files) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                result->error = QStringLiteral("%1: %2").arg(file, f.errorString());
                return;
            }
            QCryptographicHash hash(QCryptographicHash::Sha256);
            while (!f.atEnd() && !stop->load()) {
                const auto chunk = f.read(1 << 20);
                if (chunk.isEmpty() && f.error() != QFileDevice::NoError) {
                    result->error = QStringLiteral("%1: %2").arg(file, f.errorString());
                    return;
                }
                hash.addData(chunk);
            }
            result->keys << QString::fromLatin1(hash.result().toHex());
        }
    });
    m_hasher = thread;
    const auto generation = m_generation;
    connect(thread, &QThread::finished, this, [this, thread, result, generation] {
        thread->deleteLater();
        if (generation != m_generation)
            return;
        if (!result->error.isEmpty())
            return fail(tr("Could not read %1 to send it to %2.").arg(result->error, m_target.host));
        m_keys = result->keys;
        upload(0);
    });
    thread->start();
}

void RemoteTrainer::upload(int index)
{
    if (index >= m_data.size())
        return launch();
    // Names kept, numbered only when two files share one.
    auto name = QFileInfo(m_data[index]).fileName();
    if (m_remoteData.contains(QStringLiteral("data/") + name))
        name = QString::number(index) + QLatin1Char('-') + name;
    const auto remote = QStringLiteral("data/") + name;
    const auto cached = quoted(m_target.dataFolder + QLatin1Char('/') + m_keys[index]);
    const auto place = quoted(m_folder + QLatin1Char('/') + remote);
    const auto size = QFileInfo(m_data[index]).size();
    // Sent before, whole: linked into the run's folder (copied where a link cannot be made) and
    // marked as used. Copies unused for 30 days go (runs keep their own links to theirs).
    ssh(QStringLiteral("mkdir -p %1 && { find %1 -type f -mtime +30 -exec rm -f {} + 2>/dev/null; true; } && "
                       "[ -f %2 ] && [ $(($(wc -c < %2))) -eq %3 ] && "
                       "{ ln -f %2 %4 2>/dev/null || cp %2 %4; } && touch %2 && echo reused")
            .arg(quoted(m_target.dataFolder), cached, QString::number(size), place),
        [this, index, remote](int code, const QByteArray& out, const QByteArray& err) {
            if (code == 255)
                return fail(unreachable(err));
            if (code == 0 && out.contains("reused")) {
                emit status(tr("%1 is already on %2: not sent again (%3 of %4)")
                                .arg(QFileInfo(m_data[index]).fileName(), m_target.host)
                                .arg(index + 1)
                                .arg(m_data.size()));
                m_remoteData << remote;
                return upload(index + 1);
            }
            send(index, remote);
        });
}

void RemoteTrainer::send(int index, const QString& remote)
{
    emit status(tr("Copying %1 to %2 (%3 of %4)…")
                    .arg(QFileInfo(m_data[index]).fileName(), m_target.host)
                    .arg(index + 1)
                    .arg(m_data.size()));
    const auto key = m_keys[index];
    const auto cached = quoted(m_target.dataFolder + QLatin1Char('/') + key);
    // Into a part file first; it becomes the cached copy only when its size and (where the host
    // has sha256sum) its digest are the local file's, so a broken transfer is never reused.
    const auto command =
        QStringLiteral("p=%1.part-$$; if cat > \"$p\" && [ $(($(wc -c < \"$p\"))) -eq %2 ] && "
                       "{ ! command -v sha256sum > /dev/null || [ \"$(sha256sum < \"$p\" | cut -c1-64)\" = %3 ]; } && "
                       "mv -f \"$p\" %1; then ln -f %1 %4 2>/dev/null || cp %1 %4; "
                       "else rm -f \"$p\"; echo 'the copy there is not whole' >&2; exit 3; fi")
            .arg(cached, QString::number(QFileInfo(m_data[index]).size()), key,
                 quoted(m_folder + QLatin1Char('/') + remote));
    ssh(
        command,
        [this, index, remote](int code, const QByteArray&, const QByteArray& err) {
            if (code != 0)
                return fail(code == 255
                                ? unreachable(err)
                                : tr("Could not copy %1 to %2: %3").arg(m_data[index], m_target.host, lastLine(err)));
            m_remoteData << remote;
            upload(index + 1);
        },
        m_data[index]);
}

} // namespace fathom
