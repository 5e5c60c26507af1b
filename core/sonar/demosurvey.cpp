#include "common/atomicfile.h"
#include "common/timeformat.h"
#include "jsfwriter.h"
#include "simulator.h"
#include "xtfwriter.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace fathom::sonar {

namespace {

void writeTruth(const std::filesystem::path& path, const SurveySimulator& sim)
{
    AtomicFile file(path);
    auto& out = file.stream();
    out << "id,class,mine_like,ferrous,latitude,longitude,ping,channel,sample,slant_range_m,along_m,across_m,"
           "length_m,width_m,height_m,along_track_m,across_track_m,moored_m\n";
    char line[300];
    for (const auto& o : sim.objects()) {
        std::snprintf(
            line, sizeof line, "%d,%s,%d,%d,%.8f,%.8f,%zu,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f\n", o.id,
            o.cls.c_str(), int(o.mineLike), int(o.ferrous), o.y, o.x, o.ping, o.channel, o.sample, o.slantRange,
            o.along, o.across, o.length, o.width, o.height, o.alongTrackExtent(), o.acrossTrackExtent(), o.moored);
        out << line;
    }
    file.commit();
}

// Sensor faults planted into the log, as the analysts meet them: a bottom-track glitch in the
// altitude, a roll jerk, a turbidity burst, a stuck-high sound velocity, a depth spike. The
// `fault` column marks their rows: the labels the spike detector and the alert evaluation use.
struct Fault
{
    double at;   // share of the line
    int channel; // 0 altitude, 1 depth, 2 roll, 3 sound velocity, 4 turbidity
    double size;
    int rows;
};
constexpr Fault kFaults[] = {{0.12, 0, 4.0, 2},   {0.27, 2, 9.0, 3},  {0.41, 4, 7.0, 6},
                             {0.55, 3, 9.0, 14},  {0.66, 1, -3.5, 2}, {0.79, 0, -3.0, 3},
                             {0.88, 2, -10.0, 2}, {0.93, 4, 6.0, 5},  {0.97, 3, -8.0, 10}};

void writeSensors(const std::filesystem::path& path, const SurveySimulator& sim)
{
    AtomicFile file(path);
    auto& out = file.stream();
    out << "time,ping,altitude_m,depth_m,pitch_deg,roll_deg,heading_deg,speed_mps,cable_out_m,water_temp_c,"
           "sound_velocity_mps,mag_total_nt,salinity_psu,turbidity_ntu,fault\n";
    char line[340];
    const int pings = sim.options().pings;
    for (int i = 0; i < pings; ++i) {
        const auto p = sim.ping(std::size_t(i));
        const double t = double(i) * sim.options().pingInterval;
        const double temperature = 14.2 + 0.02 * p.depth * -1.0 + 0.15 * std::sin(t / 45.0);
        const double salinity = 34.1 + 0.05 * std::sin(t / 70.0 + 1.0);
        const double turbidity = 2.0 + 0.8 * std::pow(std::sin(t / 23.0), 2);
        double faulty[5] = {p.altitude, p.depth, p.roll, p.soundVelocity, turbidity};
        int fault = 0;
        for (const auto& f : kFaults) {
            const int first = int(f.at * pings);
            if (i >= first && i < first + f.rows) {
                faulty[f.channel] += f.size;
                fault = 1;
            }
        }
        std::snprintf(line, sizeof line, "%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f,%.3f,%.2f,%.2f,%.3f,%.3f,%d\n",
                      formatUtc(p.time, TimeStyle::IsoMillis).c_str(), i, faulty[0], faulty[1], p.pitch, faulty[2],
                      p.heading, p.speed, p.cableOut, temperature, faulty[3], sim.magnetometer(std::size_t(i)),
                      salinity, faulty[4], fault);
        out << line;
    }
    file.commit();
}

} // namespace

std::vector<std::filesystem::path> writeDemoSurvey(const std::filesystem::path& dir,
                                                   const SurveySimulator::Options& options)
{
    std::filesystem::create_directories(dir);
    const SurveySimulator sim(options);
    XtfWriter::Options xtf;
    xtf.recorder = "Fathom";
    xtf.sonarName = "Sim 455 kHz";
    xtf.channels = {{0, Side::Port, "PORT", SampleFormat::U16, 455000.0},
                    {1, Side::Starboard, "STARBOARD", SampleFormat::U16, 455000.0}};
    const auto sonarPath = dir / "survey.xtf";
    const auto jsfPath = dir / "survey.jsf";
    XtfWriter writer(sonarPath, xtf);
    JsfWriter jsfWriter(jsfPath, {21, 455000.0});
    for (int i = 0; i < options.pings; ++i) {
        const auto ping = sim.ping(std::size_t(i));
        const auto samples = sim.samples(std::size_t(i));
        writer.write(ping, samples);
        jsfWriter.write(ping, samples);
    }
    writer.close();
    jsfWriter.close();
    writeTruth(dir / "truth.csv", sim);
    writeSensors(dir / "sensors.csv", sim);
    return {sonarPath, dir / "truth.csv", dir / "sensors.csv", jsfPath};
}

} // namespace fathom::sonar
