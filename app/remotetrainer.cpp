#include "remotetrainer.h"
#include "remoteshell.h"

#include "common/logging.h"
#include "common/versions.h"
#include "logtext.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <cmath>

namespace fathom {

namespace {

using remote::lastLine;
using remote::quoted;

QString mebibytes(double bytes)
{
    return QString::number(bytes / (1024.0 * 1024.0), 'f', 0);
}

} // namespace

QStringList sshConfigHosts(const QString& configText)
{
    QStringList hosts;
    static const QRegularExpression hostLine(QStringLiteral("^\\s*Host\\s+(.+)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    for (const auto& row : configText.split(QLatin1Char('\n'))) {
        const auto match = hostLine.match(row);
        if (!match.hasMatch())
            continue;
        for (const auto& name : match.captured(1).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
            if (!name.contains(QLatin1Char('*')) && !name.contains(QLatin1Char('?')) &&
                !name.startsWith(QLatin1Char('!')) && !hosts.contains(name))
                hosts << name;
    }
    return hosts;
}

QString remoteMemoryText(const QString& host, const QJsonObject& memory)
{
    QStringList parts;
    for (const auto& value : memory.value(QStringLiteral("gpus")).toArray()) {
        const auto gpu = value.toObject();
        auto text = RemoteTrainer::tr("%1: %2 of %3 MiB")
                        .arg(gpu.value(QStringLiteral("name")).toString(),
                             mebibytes(gpu.value(QStringLiteral("used_bytes")).toDouble()),
                             mebibytes(gpu.value(QStringLiteral("total_bytes")).toDouble()));
        const int busy = gpu.value(QStringLiteral("utilisation_percent")).toInt(-1);
        if (busy >= 0)
            text += RemoteTrainer::tr(", %1 % busy").arg(busy);
        parts << text;
    }
    if (memory.contains(QStringLiteral("process_bytes")))
        parts << RemoteTrainer::tr("training process %1 MiB")
                     .arg(mebibytes(memory.value(QStringLiteral("process_bytes")).toDouble()));
    if (memory.contains(QStringLiteral("host_total_bytes")))
        parts << RemoteTrainer::tr("host memory %1 of %2 MiB free")
                     .arg(mebibytes(memory.value(QStringLiteral("host_available_bytes")).toDouble()),
                          mebibytes(memory.value(QStringLiteral("host_total_bytes")).toDouble()));
    if (parts.isEmpty())
        return RemoteTrainer::tr("On %1: no memory figures from that system").arg(host);
    return RemoteTrainer::tr("On %1: %2").arg(host, parts.join(QStringLiteral("; ")));
}

RemoteTrainer::RemoteTrainer(QObject* parent)
    : QObject(parent)
{
}

RemoteTrainer::~RemoteTrainer()
{
    if (m_hasher) {
        m_stopHashing->store(true);
        m_hasher->wait();
        delete m_hasher;
    }
    // Local ssh processes end with the app; the remote run, detached, goes on.
    for (const auto& p : m_processes)
        if (p) {
            p->disconnect(this);
            p->kill();
            p->waitForFinished(2000);
        }
}

QStringList RemoteTrainer::sshArguments(const QString& remoteCommand) const
{
    QStringList args{QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                     QStringLiteral("-o"), QStringLiteral("ConnectTimeout=20"),
                     QStringLiteral("-o"), QStringLiteral("ServerAliveInterval=15"),
                     QStringLiteral("-o"), QStringLiteral("ServerAliveCountMax=3")};
    if (!m_target.sshConfig.isEmpty())
        args << QStringLiteral("-F") << m_target.sshConfig;
    args << m_target.host << remoteCommand;
    return args;
}

QProcess* RemoteTrainer::ssh(const QString& remoteCommand, Done done, const QString& stdinFile, QProcess* outputTo)
{
    auto* process = new QProcess(this);
    m_processes << process;
    if (!stdinFile.isEmpty())
        process->setStandardInputFile(stdinFile);
    if (outputTo)
        process->setStandardOutputProcess(outputTo);
    const auto generation = m_generation;
    connect(process, &QProcess::finished, this, [this, process, done, generation](int code, QProcess::ExitStatus how) {
        const auto out = process->readAllStandardOutput(), err = process->readAllStandardError();
        process->deleteLater();
        if (generation == m_generation && done)
            done(how == QProcess::NormalExit ? code : 255, out, err);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, generation](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && generation == m_generation)
            fail(tr("Could not run ssh (%1): remote training needs the OpenSSH client.").arg(process->errorString()));
    });
    process->start(QStringLiteral("ssh"), sshArguments(remoteCommand));
    return process;
}

QString RemoteTrainer::unreachable(const QByteArray& err) const
{
    const auto why = lastLine(err);
    return tr("Could not reach %1 over SSH: %2").arg(m_target.host, why.isEmpty() ? tr("no answer") : why);
}

void RemoteTrainer::start(const RemoteTarget& target, const QStringList& dataFiles, const QStringList& trainArguments,
                          const QString& localModels)
{
    if (isRunning())
        return;
    begin({target, {}, 0, localModels});
    m_data = dataFiles;
    m_arguments = trainArguments;
    if (m_target.host.trimmed().isEmpty()) {
        emit failed(tr("No remote host given: name one from your ~/.ssh/config, or user@host."));
        return;
    }
    for (const auto& file : m_data)
        if (!QFileInfo(file).isFile()) {
            emit failed(tr("%1: no such data file to copy to %2.").arg(file, m_target.host));
            return;
        }
    const auto id = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QLatin1Char('-') +
                    QString::number(QRandomGenerator::global()->bounded(0x10000), 16);
    m_folder = m_target.runsFolder + QLatin1Char('/') + id;
    m_stage = Stage::Checking;
    emit status(tr("Checking %1…").arg(m_target.host));
    const auto cli = quoted(m_target.fathomCli);
    ssh(QStringLiteral("command -v %1 >/dev/null 2>&1 || exit 127; %1 --version").arg(cli),
        [this](int code, const QByteArray& out, const QByteArray& err) { checked(code, out, err); });
}

void RemoteTrainer::checked(int code, const QByteArray& out, const QByteArray& err)
{
    if (code == 255)
        return fail(unreachable(err));
    if (code == 127)
        return fail(tr("%1 has no fathom-cli at “%2”: install Fathom's headless engine there, or give its path.")
                        .arg(m_target.host, m_target.fathomCli));
    if (code != 0)
        return fail(tr("fathom-cli on %1 did not start: %2").arg(m_target.host, lastLine(err)));
    const auto version = QString::fromUtf8(out).section(QLatin1Char('\n'), 0, 0).trimmed();
    const auto mine = QStringLiteral("fathom-cli ") + QString::fromStdString(fathomVersion());
    if (version != mine) {
        m_remoteVersion = version;
        // Model folders carry their own format; a different version is worth a word, not a stop.
        emit status(tr("%1 runs %2; this app is %3.").arg(m_target.host, version, mine));
        logtext::warn(QT_TRANSLATE_NOOP("Log", "%1 runs %2, this app %3"), {m_target.host, version, mine});
    }
    m_stage = Stage::Uploading;
    ssh(QStringLiteral("mkdir -p %1/data").arg(quoted(m_folder)),
        [this](int code, const QByteArray&, const QByteArray& err) {
            if (code != 0)
                return fail(
                    code == 255
                        ? unreachable(err)
                        : tr("Could not make the run folder %1 on %2: %3").arg(m_folder, m_target.host, lastLine(err)));
            m_remoteData.clear();
            hashData();
        });
}

void RemoteTrainer::launch()
{
    m_stage = Stage::Starting;
    QStringList command{quoted(m_target.fathomCli),        QStringLiteral("ts"),    QStringLiteral("train"),
                        QStringLiteral("--progress-json"), QStringLiteral("--out"), QStringLiteral("models")};
    for (const auto& file : m_remoteData)
        command << QStringLiteral("--data") << quoted(file);
    for (const auto& argument : m_arguments)
        command << quoted(argument);
    const auto train = command.join(QLatin1Char(' '));
    // The run is its own session and process group (fathom-cli detach: no GNU setsid needed), so
    // it outlives this connection and one signal reaches all of it; its exit status lands in
    // `exit` when it ends by itself.
    const auto remote = QStringLiteral("cd %1 || exit 1; : > progress.jsonl; printf '%s\\n' %2 > command.txt; "
                                       "%3 detach --out progress.jsonl --err stderr.log --exit-file exit -- %4 > pid "
                                       "&& cat pid")
                            .arg(quoted(m_folder), quoted(train), quoted(m_target.fathomCli), train);
    emit status(tr("Starting the training on %1…").arg(m_target.host));
    ssh(remote, [this](int code, const QByteArray& out, const QByteArray& err) {
        bool ok = false;
        m_pid = QString::fromUtf8(out).trimmed().toLongLong(&ok);
        if (code != 0 || !ok) {
            if (code == 255)
                return fail(unreachable(err));
            auto why = tr("Could not start the training on %1: %2").arg(m_target.host, lastLine(err));
            if (!m_remoteVersion.isEmpty())
                why += tr(" (%1 runs %2; this app needs fathom-cli %3 there)")
                           .arg(m_target.host, m_remoteVersion, QString::fromStdString(fathomVersion()));
            return fail(why);
        }
        logtext::info(QT_TRANSLATE_NOOP("Log", "Remote training on %1 in %2, process %3"),
                      {m_target.host, m_folder, QString::number(m_pid)});
        m_stage = Stage::Training;
        emit status(tr("Training on %1 in %2").arg(m_target.host, m_folder));
        emit running(currentRun());
        if (m_cancelling) {
            m_cancelling = false;
            cancel();
        }
        follow();
    });
}

void RemoteTrainer::begin(const RemoteRun& run)
{
    ++m_generation;
    m_target = run.target;
    m_folder = run.folder;
    m_pid = run.pid;
    m_localModels = run.localModels;
    m_lines = 0;
    m_buffer.clear();
    m_models.clear();
    m_exit.clear();
    m_remoteVersion.clear();
    m_cancelling = m_exitSeen = false;
    m_delay = m_firstDelay;
}

void RemoteTrainer::attach(const RemoteRun& run)
{
    if (isRunning())
        return;
    begin(run);
    m_stage = Stage::Reattaching;
    emit status(tr("Following the run on %1 in %2 again…").arg(m_target.host, m_folder));
    follow();
}

void RemoteTrainer::follow()
{
    // Every line from the first not yet received; tail ends when the run's process does, then
    // the exit status follows on a line of its own ("none": ended by a signal).
    const auto remote =
        QStringLiteral("cd %1 && %2 follow progress.jsonl --from %3 --pid %4; "
                       "printf '\\n__fathom_exit__ %s\\n' \"$(cat exit 2>/dev/null || echo none)\"")
            .arg(quoted(m_folder), quoted(m_target.fathomCli), QString::number(m_lines + 1), QString::number(m_pid));
    m_buffer.clear();
    m_exitSeen = false;
    m_stream = ssh(remote, [this](int, const QByteArray& out, const QByteArray&) {
        m_buffer += out;
        readStream();
        streamEnded();
    });
    connect(m_stream, &QProcess::readyReadStandardOutput, this, [this] {
        if (!m_stream)
            return;
        m_buffer += m_stream->readAllStandardOutput();
        readStream();
    });
}

void RemoteTrainer::readStream()
{
    for (;;) {
        const auto end = m_buffer.indexOf('\n');
        if (end < 0)
            return;
        const auto text = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        line(text);
    }
}

void RemoteTrainer::line(const QByteArray& text)
{
    if (text.startsWith("__fathom_exit__ ")) {
        m_exitSeen = true;
        m_exit = QString::fromUtf8(text.mid(16)).trimmed();
        return;
    }
    if (text.trimmed().isEmpty())
        return;
    ++m_lines;
    m_delay = m_firstDelay; // the connection works again
    if (m_stage == Stage::Reattaching) {
        m_stage = Stage::Training;
        emit status(tr("Reattached to the run on %1").arg(m_target.host));
    }
    const auto object = QJsonDocument::fromJson(text).object();
    const auto type = object.value(QStringLiteral("type")).toString();
    if (object.contains(QStringLiteral("memory")))
        emit memory(remoteMemoryText(m_target.host, object.value(QStringLiteral("memory")).toObject()));
    if (type == QLatin1String("progress")) {
        TrainingPanel::Progress p;
        p.model = object.value(QStringLiteral("model")).toString();
        p.modelIndex = object.value(QStringLiteral("model_index")).toInt();
        p.models = object.value(QStringLiteral("models")).toInt(1);
        p.epoch = object.value(QStringLiteral("epoch")).toInt();
        p.epochs = object.value(QStringLiteral("epochs")).toInt();
        p.step = object.value(QStringLiteral("step")).toInteger();
        p.steps = object.value(QStringLiteral("steps")).toInteger();
        p.loss = object.value(QStringLiteral("loss")).toDouble(std::nan(""));
        p.validationLoss = object.value(QStringLiteral("validation_loss")).toDouble(std::nan(""));
        p.samplesPerSecond = object.value(QStringLiteral("samples_per_second")).toDouble();
        p.etaSeconds = object.value(QStringLiteral("eta_seconds")).toDouble();
        emit progressed(p, object.value(QStringLiteral("epoch_done")).toBool());
    } else if (type == QLatin1String("summary")) {
        for (const auto& m :
             object.value(QStringLiteral("summary")).toObject().value(QStringLiteral("models")).toArray())
            m_models << m.toObject().value(QStringLiteral("model")).toString();
    }
}

void RemoteTrainer::streamEnded()
{
    m_stream = nullptr;
    if (!m_exitSeen) {
        // The connection went (or the host did); the run, detached, goes on there.
        m_stage = Stage::Reattaching;
        emit status(tr("Lost the connection to %1; the run goes on there. Reattaching in %2 s…")
                        .arg(m_target.host)
                        .arg(m_delay / 1000.0, 0, 'f', 0));
        const auto generation = m_generation;
        QTimer::singleShot(m_delay, this, [this, generation] {
            if (generation == m_generation && m_stage == Stage::Reattaching)
                follow();
        });
        m_delay = std::min(30000, m_delay * 2);
        return;
    }
    if (m_cancelling) {
        finish();
        emit status(tr("Cancelled the run on %1").arg(m_target.host));
        emit cancelled();
        return;
    }
    if (m_exit == QLatin1String("0"))
        return fetch();
    if (m_exit == QLatin1String("none"))
        return fail(tr("The training on %1 was stopped from outside Fathom; what it wrote stays in %2 there.")
                        .arg(m_target.host, m_folder));
    ssh(QStringLiteral("tail -n 3 %1/stderr.log").arg(quoted(m_folder)),
        [this](int, const QByteArray& out, const QByteArray&) {
            fail(tr("The training on %1 failed: %2")
                     .arg(m_target.host, lastLine(out).isEmpty() ? tr("exit status %1").arg(m_exit) : lastLine(out)));
        });
}

void RemoteTrainer::fetch()
{
    m_stage = Stage::Fetching;
    emit status(tr("Bringing the trained models back from %1…").arg(m_target.host));
    // Into a scratch folder beside the models first: a broken transfer replaces nothing.
    const auto scratch = QDir(m_localModels).filePath(QStringLiteral(".remote-") + QFileInfo(m_folder).fileName());
    QDir(scratch).removeRecursively();
    if (!QDir().mkpath(scratch))
        return fail(
            tr("Could not write to %1: the models stay on %2 in %3.").arg(m_localModels, m_target.host, m_folder));
    auto* unpack = new QProcess(this);
    m_processes << unpack;
    unpack->setWorkingDirectory(scratch);
    QPointer<QProcess> pack = ssh(QStringLiteral("cd %1/models && tar -cf - .").arg(quoted(m_folder)), {}, {}, unpack);
    const auto generation = m_generation;
    auto packed = std::make_shared<int>(-1);
    connect(pack, &QProcess::finished, this,
            [packed](int code, QProcess::ExitStatus how) { *packed = how == QProcess::NormalExit ? code : 255; });
    connect(unpack, &QProcess::finished, this,
            [this, unpack, pack, packed, scratch, generation](int code, QProcess::ExitStatus how) {
                const auto err = unpack->readAllStandardError();
                unpack->deleteLater();
                if (generation != m_generation)
                    return;
                if (pack && pack->state() != QProcess::NotRunning)
                    pack->waitForFinished(5000);
                if (how != QProcess::NormalExit || code != 0 || *packed != 0) {
                    QDir(scratch).removeRecursively();
                    return fail(tr("Could not bring the models back from %1 (%2); they stay there in %3.")
                                    .arg(m_target.host,
                                         lastLine(err).isEmpty() ? tr("the transfer broke") : lastLine(err), m_folder));
                }
                unpacked(scratch);
            });
    unpack->start(QStringLiteral("tar"), {QStringLiteral("-xf"), QStringLiteral("-")});
}

void RemoteTrainer::unpacked(const QString& scratch)
{
    QStringList folders;
    const auto names = m_models.isEmpty() ? QDir(scratch).entryList(QDir::Dirs | QDir::NoDotAndDotDot) : m_models;
    for (const auto& name : names) {
        const auto from = QDir(scratch).filePath(name), to = QDir(m_localModels).filePath(name);
        if (!QFileInfo(from).isDir())
            continue;
        // The old model of that name goes only once the new one is in place.
        const auto old = to + QStringLiteral(".replaced");
        QDir(old).removeRecursively();
        if (QFileInfo::exists(to) && !QDir().rename(to, old))
            return fail(tr("Could not replace %1: the new model stays in %2.").arg(to, from));
        if (!QDir().rename(from, to)) {
            QDir().rename(old, to);
            return fail(tr("Could not move the model into %1: it stays in %2.").arg(to, from));
        }
        QDir(old).removeRecursively();
        folders << to;
    }
    QDir(scratch).removeRecursively();
    logtext::info(QT_TRANSLATE_NOOP("Log", "Remote training on %1 finished; models brought back: %2"),
                  {m_target.host, QString::number(folders.size())});
    finish();
    emit status(tr("Finished on %1: %n model(s) brought back", nullptr, int(folders.size())).arg(m_target.host));
    emit finished(folders);
}

void RemoteTrainer::cancel()
{
    if (!isRunning() || m_cancelling)
        return;
    m_cancelling = true;
    if (m_stage == Stage::Checking || m_stage == Stage::Uploading) {
        finish(); // nothing runs there yet; the half-copied folder is left
        emit cancelled();
        return;
    }
    if (m_stage == Stage::Starting)
        return; // stopped as soon as its process number arrives
    emit status(tr("Stopping the run on %1…").arg(m_target.host));
    ssh(QStringLiteral("kill -CONT -- -%1 2>/dev/null; kill -TERM -- -%1").arg(m_pid),
        [this](int code, const QByteArray&, const QByteArray& err) {
            if (code == 255) {
                m_cancelling = false;
                emit status(tr("Could not reach %1 to stop the run (%2); it may still be running there in %3.")
                                .arg(m_target.host, lastLine(err), m_folder));
            }
            // Otherwise the progress stream ends with the process and reports the cancel.
        });
}

void RemoteTrainer::setPaused(bool paused)
{
    if (m_pid <= 0 || (m_stage != Stage::Training && m_stage != Stage::Reattaching))
        return;
    ssh(QStringLiteral("kill -%1 -- -%2").arg(paused ? QStringLiteral("STOP") : QStringLiteral("CONT")).arg(m_pid),
        [this, paused](int code, const QByteArray&, const QByteArray& err) {
            if (code != 0)
                emit status(
                    (paused ? tr("Could not pause the run on %1: %2") : tr("Could not resume the run on %1: %2"))
                        .arg(m_target.host, lastLine(err)));
            else
                emit status(paused ? tr("Paused on %1").arg(m_target.host) : tr("Resumed on %1").arg(m_target.host));
        });
}

void RemoteTrainer::dropConnection()
{
    if (m_stream)
        m_stream->kill();
}

void RemoteTrainer::fail(const QString& message)
{
    if (!isRunning())
        return;
    finish();
    logging::error(message.toStdString());
    emit failed(message);
}

void RemoteTrainer::finish()
{
    m_stage = Stage::Idle;
    m_cancelling = false;
    ++m_generation;
    if (m_stopHashing)
        m_stopHashing->store(true);
    for (const auto& p : m_processes)
        if (p && p->state() != QProcess::NotRunning)
            p->kill();
    m_processes.removeAll(nullptr);
}

} // namespace fathom
