#pragma once

#include "trainingpanel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace fathom {

// Where a remote run goes: a host the user reaches over SSH with their own keys and
// ~/.ssh/config (Fathom keeps no secret), and the fathom-cli to run there.
struct RemoteTarget
{
    QString host;                                     // an ssh destination: an alias from ~/.ssh/config, or user@host
    QString fathomCli = QStringLiteral("fathom-cli"); // the command on that host
    // A config file used instead of the user's own (ssh -F); by default $FATHOM_SSH_CONFIG.
    QString sshConfig = qEnvironmentVariable("FATHOM_SSH_CONFIG");
    QString runsFolder = QStringLiteral(".fathom/runs"); // on the host, under the login's home
    // Data sets already sent, named by their SHA-256: a file sent once is not sent again.
    QString dataFolder = QStringLiteral(".fathom/data");
};

// A run under way on a host: enough to follow it again after the app restarts.
struct RemoteRun
{
    RemoteTarget target;
    QString folder; // on the host
    qint64 pid = 0;
    QString localModels;
};

// The hosts an ssh config names (its Host lines, wildcards left out), for the Training dock's list.
QStringList sshConfigHosts(const QString& configText);

// The memory a remote run reports with its progress, as one line for the Training dock.
QString remoteMemoryText(const QString& host, const QJsonObject& memory);

// `fathom-cli ts train` on another machine, driven from the desktop over SSH:
// checks the host and its fathom-cli, copies the data set into a run folder there, starts the
// training detached from the connection (it outlives a lost network), follows its JSON progress
// lines into the same signals a local run gives, and brings the trained model folders back into
// `localModels`. A lost connection reattaches from the last line received; cancel stops the
// remote process group; pause stops and continues it. Everything goes through the `ssh` command,
// so the user's keys, agent, jump hosts and config apply.
class RemoteTrainer : public QObject
{
    Q_OBJECT

public:
    enum class Stage { Idle, Checking, Uploading, Starting, Training, Reattaching, Fetching };

    explicit RemoteTrainer(QObject* parent = nullptr);
    ~RemoteTrainer() override;

    // trainArguments: `ts train` options other than --data, --out and --progress-json.
    void start(const RemoteTarget& target, const QStringList& dataFiles, const QStringList& trainArguments,
               const QString& localModels);
    // Follows a run this app started before it closed: its progress from the first line, then
    // its models, as if the connection had only dropped.
    void attach(const RemoteRun& run);
    RemoteRun currentRun() const { return {m_target, m_folder, m_pid, m_localModels}; }
    void cancel();
    void setPaused(bool paused);
    bool isRunning() const { return m_stage != Stage::Idle; }
    Stage stage() const { return m_stage; }
    QString host() const { return m_target.host; }
    QString remoteFolder() const { return m_folder; } // the run's folder on the host
    qint64 remotePid() const { return m_pid; }
    // Breaks the progress stream as a failing network would; the trainer reattaches.
    void dropConnection();
    // Seconds before the first reattach (doubling to 30 s while the host stays unreachable).
    void setReattachDelay(int milliseconds) { m_firstDelay = milliseconds; }

signals:
    void status(const QString& text);
    void running(const fathom::RemoteRun& run); // the training process is up on the host
    void progressed(const fathom::TrainingPanel::Progress& progress, bool epochDone);
    void memory(const QString& text);
    void finished(const QStringList& folders); // the trained models, now under localModels
    void failed(const QString& message);
    void cancelled();

private:
    using Done = std::function<void(int code, const QByteArray& out, const QByteArray& err)>;
    QStringList sshArguments(const QString& remoteCommand) const;
    QProcess* ssh(const QString& remoteCommand, Done done, const QString& stdinFile = {}, QProcess* outputTo = nullptr);
    void begin(const RemoteRun& run); // a fresh state for one run
    void checked(int code, const QByteArray& out, const QByteArray& err);
    void hashData();
    void upload(int index);
    void send(int index, const QString& remote);
    void launch();
    void follow();
    void readStream();
    void streamEnded();
    void line(const QByteArray& text);
    void fetch();
    void unpacked(const QString& scratch);
    void fail(const QString& message);
    void finish();
    QString unreachable(const QByteArray& err) const;

    RemoteTarget m_target;
    QStringList m_data, m_arguments, m_remoteData, m_keys;
    QPointer<QThread> m_hasher;
    std::shared_ptr<std::atomic<bool>> m_stopHashing;
    QString m_localModels, m_folder, m_exit;
    QString m_remoteVersion; // the host's fathom-cli, when it is not this app's version
    qint64 m_pid = 0;
    Stage m_stage = Stage::Idle;
    QPointer<QProcess> m_stream;
    QList<QPointer<QProcess>> m_processes;
    QByteArray m_buffer;
    qint64 m_lines = 0; // complete progress lines received
    QStringList m_models;
    bool m_cancelling = false, m_exitSeen = false;
    int m_firstDelay = 1000, m_delay = 1000;
    quint64 m_generation = 0; // bumped per run: late callbacks of an old run do nothing
};

} // namespace fathom

Q_DECLARE_METATYPE(fathom::RemoteRun)
