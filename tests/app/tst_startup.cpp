// fathom::start() as both front ends call it: layers, broken files, and the device chosen.
#include "common/error.h"
#include "startup.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace fathom;

class TestStartup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    std::filesystem::path userConfig() const
    {
        return std::filesystem::path(m_home.path().toStdString()) / "fathom" / "config.yaml";
    }

    void writeUserConfig(const std::string& text)
    {
        std::filesystem::create_directories(userConfig().parent_path());
        std::ofstream(userConfig()) << text;
    }

private slots:
    void init()
    {
        qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
        std::filesystem::remove(userConfig());
    }

    void environmentAndUserFileAreLayered()
    {
        writeUserConfig("profiles:\n  cpu:\n    workers: 7\n");
        StartupOptions options;
        options.environment = "cloud";
        const auto s = start(options);
        QVERIFY2(s->warnings.empty(), s->warnings.empty() ? "" : s->warnings.front().c_str());
        QCOMPARE(s->devices->find("cpu")->profile.batchSize, 128); // cloud.yaml
        QCOMPARE(s->devices->find("cpu")->profile.workers, 7);     // the user's file
        QVERIFY(s->config.source("profiles.cpu.batch_size").ends_with("environments/cloud.yaml"));
    }

    void brokenUserFileIsSkippedWithItsLine()
    {
        writeUserConfig("profiles:\n  cpu:\n    workers: 7\n  - broken\n");
        const auto s = start({});
        QCOMPARE(s->warnings.size(), std::size_t(1));
        QVERIFY2(s->warnings.front().find(userConfig().string() + ", line 4") != std::string::npos,
                 s->warnings.front().c_str());
        QCOMPARE(s->devices->find("cpu")->profile.workers, 1); // local.yaml, as if the file were absent
    }

    void unknownEnvironmentFallsBackToDefaults()
    {
        StartupOptions options;
        options.environment = "moon";
        const auto s = start(options);
        QCOMPARE(s->warnings.size(), std::size_t(1));
        QVERIFY(s->warnings.front().find("'moon'") != std::string::npos);
        QCOMPARE(s->devices->find("cpu")->profile.batchSize, 32);
    }

    void explicitConfigMustBeReadable()
    {
        StartupOptions options;
        options.configFile = "/nonexistent/fathom.yaml";
        QVERIFY_THROWS_EXCEPTION(Error, start(options));
    }

    void deviceOptionWinsOverConfig()
    {
        writeUserConfig("device: mps\n");
        StartupOptions options;
        options.device = "cpu";
        const auto s = start(options);
        QCOMPARE(s->devices->selection().id, std::string("cpu"));
        QCOMPARE(s->devices->selection().requested, std::string("cpu"));
        QVERIFY(s->devices->selection().message.empty());
    }
};

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
