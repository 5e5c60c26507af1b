#include "mosaic.h"

#include "reportparts.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "sonar/georeference.h"
#include "sonar/waterfall.h"

#ifdef FATHOM_HAVE_GDAL
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#endif
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <memory>

namespace fathom::report {

namespace fs = std::filesystem;

int utmEpsg(double longitude, double latitude)
{
    const int zone = std::clamp(int(std::floor((longitude + 180.0) / 6.0)) + 1, 1, 60);
    return (latitude >= 0 ? 32600 : 32700) + zone;
}

namespace {

#ifdef FATHOM_HAVE_GDAL
// From the file's coordinates to the mosaic's metres.
class Projection
{
public:
    Projection(bool geographic, double lon, double lat)
    {
        if (!geographic)
            return;
        m_epsg = utmEpsg(lon, lat);
        m_wgs84.SetWellKnownGeogCS("WGS84");
        m_wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (m_utm.importFromEPSG(m_epsg) != OGRERR_NONE)
            throw Error("GDAL does not know EPSG:" + std::to_string(m_epsg) + " (is gdal-data installed?)");
        m_utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        m_transform.reset(OGRCreateCoordinateTransformation(&m_wgs84, &m_utm));
        if (!m_transform)
            throw Error("GDAL could not transform WGS 84 to EPSG:" + std::to_string(m_epsg));
    }
    void apply(std::vector<double>& x, std::vector<double>& y) const
    {
        if (m_transform && !x.empty() && !m_transform->Transform(int(x.size()), x.data(), y.data()))
            throw Error("GDAL could not project the survey's positions to EPSG:" + std::to_string(m_epsg));
    }
    int epsg() const { return m_epsg; }
    std::string wkt() const
    {
        if (!m_epsg)
            return {};
        char* text = nullptr;
        m_utm.exportToWkt(&text);
        std::string result = text ? text : "";
        CPLFree(text);
        return result;
    }

private:
    int m_epsg = 0;
    OGRSpatialReference m_wgs84, m_utm;
    std::unique_ptr<OGRCoordinateTransformation> m_transform;
};

#endif

cv::Scalar statusColour(const project::ContactRecord& c) // BGR
{
    return c.status == "confirmed"  ? cv::Scalar(60, 200, 40)
           : c.status == "rejected" ? cv::Scalar(160, 160, 160)
                                    : cv::Scalar(0, 220, 255);
}

double nearOf(const project::ContactRecord& c)
{
    return c.farGround > c.nearGround ? c.nearGround : std::max(0.0, c.groundRange - c.width / 2);
}
double farOf(const project::ContactRecord& c)
{
    return c.farGround > c.nearGround ? c.farGround : c.groundRange + c.width / 2;
}

} // namespace

#ifndef FATHOM_HAVE_GDAL
MosaicInfo writeMosaic(const sonar::SonarFile&, const std::vector<project::ContactRecord>&, const fs::path& out,
                       const MosaicOptions&, const std::function<void(double)>&)
{
    throw Error(out.string() + ": this build of Fathom has no GDAL, which the GeoTIFF mosaic needs (libgdal-dev)");
}
#else
MosaicInfo writeMosaic(const sonar::SonarFile& file, const std::vector<project::ContactRecord>& contacts,
                       const fs::path& out, const MosaicOptions& options, const std::function<void(double)>& progress)
{
    file.waitComplete();
    if (file.channelOn(sonar::Side::Port) < 0 && file.channelOn(sonar::Side::Starboard) < 0)
        throw Error(file.path().string() + ": no sidescan channels to lay into a mosaic");
    const std::size_t pings = file.pingCount();
    if (pings < 2)
        throw Error(file.path().string() + ": too few pings for a mosaic");
    const sonar::Georeferencer geo(file);
    const double range = file.pingInfo(0).slantRange;
    const int samples = std::max(1, file.pingInfo(0).samples);
    // The picture to lay down: ground range, grey, gain-normalised, at most ~1,024 bins a side.
    sonar::RenderOptions render;
    render.groundRange = true;
    render.palette = sonar::Palette::Grey;
    render.columnsPerSide = std::min(samples, 1024);
    const std::size_t maxRows = 20000;
    render.pingStep = std::max<std::size_t>(1, (pings + maxRows - 1) / maxRows);
    const auto picture = sonar::renderWaterfall(file, render);
    if (progress)
        progress(0.2);
    const int columns = render.columnsPerSide;
    const double binMetres = range / columns;
    const auto first = geo.locate(0, 0, 0);
    Projection projection(geo.geographic(), first.x, first.y);

    // Every pixel's place, in metres, row by row.
    const std::size_t rows = std::size_t(picture.height);
    std::vector<double> xs(rows * 2 * std::size_t(columns)), ys(xs.size());
    for (std::size_t i = 0; i < rows; ++i) {
        const double ping = double(std::min(pings - 1, i * render.pingStep));
        for (int side = 0; side < 2; ++side)
            for (int j = 0; j < columns; ++j) {
                const auto p = geo.locate(ping, side, (j + 0.5) * binMetres);
                const std::size_t k = (i * 2 + std::size_t(side)) * std::size_t(columns) + std::size_t(j);
                xs[k] = p.x;
                ys[k] = p.y;
            }
    }
    projection.apply(xs, ys);
    if (progress)
        progress(0.5);
    const auto [minX, maxX] = std::minmax_element(xs.begin(), xs.end());
    const auto [minY, maxY] = std::minmax_element(ys.begin(), ys.end());
    const double extent = std::max(*maxX - *minX, *maxY - *minY);
    // By default a pixel is as long as the pings are apart along track, or a bin across if wider:
    // finer leaves stripes with no data between pings.
    const double along = geo.distance(0, 0, 0, double(pings - 1), 0, 0) / double(pings - 1) * double(render.pingStep);
    double resolution = options.resolution > 0 ? options.resolution : std::max({binMetres, range / samples, along});
    resolution = std::max(resolution, extent / std::max(16, options.maxSide));
    MosaicInfo info;
    info.resolution = resolution;
    info.epsg = projection.epsg();
    info.width = int(std::ceil((*maxX - *minX) / resolution)) + 1;
    info.height = int(std::ceil((*maxY - *minY) / resolution)) + 1;
    info.geoTransform = {*minX - resolution / 2, resolution, 0, *maxY + resolution / 2, 0, -resolution};
    // Each sample into the pixel under it: the mean where several fall, then small holes filled.
    const std::size_t area = std::size_t(info.width) * std::size_t(info.height);
    std::vector<float> sum(area, 0.f);
    std::vector<std::uint16_t> count(area, 0);
    auto pixelOf = [&](double x, double y) {
        return cv::Point(int((x - info.geoTransform[0]) / resolution), int((info.geoTransform[3] - y) / resolution));
    };
    for (std::size_t i = 0; i < rows; ++i)
        for (int side = 0; side < 2; ++side)
            for (int j = 0; j < columns; ++j) {
                const std::size_t k = (i * 2 + std::size_t(side)) * std::size_t(columns) + std::size_t(j);
                const int col = side == 0 ? columns - 1 - j : columns + j;
                const std::uint8_t v = picture.rgb[(i * std::size_t(picture.width) + std::size_t(col)) * 3];
                const auto at = pixelOf(xs[k], ys[k]);
                if (at.x < 0 || at.y < 0 || at.x >= info.width || at.y >= info.height)
                    continue;
                const std::size_t p = std::size_t(at.y) * std::size_t(info.width) + std::size_t(at.x);
                sum[p] += float(std::max<std::uint8_t>(1, v));
                count[p] = std::uint16_t(std::min(65535, count[p] + 1));
            }
    cv::Mat grey(info.height, info.width, CV_8UC1, cv::Scalar(0));
    for (int y = 0; y < info.height; ++y)
        for (int x = 0; x < info.width; ++x) {
            const std::size_t p = std::size_t(y) * std::size_t(info.width) + std::size_t(x);
            if (count[p])
                grey.at<std::uint8_t>(y, x) = std::uint8_t(std::clamp(sum[p] / count[p], 1.f, 255.f));
        }
    // A hole with data on most sides (samples spread thinner than a pixel at far range) takes
    // their mean; the edges of the swath stay empty.
    cv::Mat filled = grey.clone();
    for (int y = 1; y + 1 < info.height; ++y)
        for (int x = 1; x + 1 < info.width; ++x) {
            if (grey.at<std::uint8_t>(y, x))
                continue;
            int n = 0, total = 0;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx)
                    if (const int v = grey.at<std::uint8_t>(y + dy, x + dx)) {
                        ++n;
                        total += v;
                    }
            if (n >= 5)
                filled.at<std::uint8_t>(y, x) = std::uint8_t(total / n);
        }
    cv::Mat rgb;
    cv::cvtColor(filled, rgb, cv::COLOR_GRAY2RGB);
    if (options.boxes)
        for (const auto* c : highestScored(contacts, options.includeRejected)) {
            std::vector<double> bx, by;
            for (auto [ping, metres] :
                 {std::pair{c->firstPing, nearOf(*c)}, std::pair{c->firstPing, farOf(*c)},
                  std::pair{c->lastPing + 1, farOf(*c)}, std::pair{c->lastPing + 1, nearOf(*c)}}) {
                const auto p =
                    geo.locate(double(std::clamp<long long>(ping, 0, (long long)(pings)-1)), c->side, metres);
                bx.push_back(p.x);
                by.push_back(p.y);
            }
            projection.apply(bx, by);
            std::vector<cv::Point> corners;
            for (std::size_t k = 0; k < bx.size(); ++k)
                corners.push_back(pixelOf(bx[k], by[k]));
            const auto colour = statusColour(*c);
            cv::polylines(rgb, corners, true, cv::Scalar(colour[2], colour[1], colour[0]), 1, cv::LINE_8);
        }
    if (progress)
        progress(0.8);

    // Written beside the target, then renamed over it: a half-written mosaic never replaces a good one.
    GDALAllRegister();
    auto* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver)
        throw Error("GDAL has no GeoTIFF driver");
    const fs::path temp = out.string() + ".part";
    char** createOptions = nullptr;
    createOptions = CSLSetNameValue(createOptions, "COMPRESS", "DEFLATE");
    createOptions = CSLSetNameValue(createOptions, "TILED", "YES");
    createOptions = CSLSetNameValue(createOptions, "PHOTOMETRIC", "RGB");
    // GDAL's messages go into the Error below, not onto the terminal.
    CPLPushErrorHandler(CPLQuietErrorHandler);
    struct PopHandler
    {
        ~PopHandler() { CPLPopErrorHandler(); }
    } popHandler;
    CPLErrorReset();
    GDALDataset* dataset = driver->Create(temp.c_str(), info.width, info.height, 3, GDT_Byte, createOptions);
    CSLDestroy(createOptions);
    if (!dataset)
        throw Error(out.string() + ": cannot be written (" + CPLGetLastErrorMsg() + ")");
    bool ok = dataset->SetGeoTransform(info.geoTransform.data()) == CE_None;
    if (info.epsg)
        ok = ok && dataset->SetProjection(projection.wkt().c_str()) == CE_None;
    std::vector<std::uint8_t> band(area);
    for (int b = 0; b < 3 && ok; ++b) {
        for (std::size_t p = 0; p < area; ++p)
            band[p] = rgb.data[p * 3 + std::size_t(b)];
        auto* raster = dataset->GetRasterBand(b + 1);
        raster->SetNoDataValue(0);
        ok = raster->RasterIO(GF_Write, 0, 0, info.width, info.height, band.data(), info.width, info.height, GDT_Byte,
                              0, 0) == CE_None;
    }
    GDALClose(dataset);
    std::error_code ec;
    if (!ok) {
        fs::remove(temp, ec);
        throw Error(out.string() + ": writing the GeoTIFF failed (" + CPLGetLastErrorMsg() + ")");
    }
    fs::rename(temp, out, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw Error(out.string() + ": cannot be written (" + ec.message() + ")");
    }
    if (progress)
        progress(1.0);
    return info;
}
#endif

void writeWaterfallPng(const sonar::SonarFile& file, const std::vector<project::ContactRecord>& contacts,
                       const fs::path& out, int maxRows, bool includeRejected)
{
    file.waitComplete();
    const std::size_t pings = file.pingCount();
    sonar::RenderOptions render;
    render.groundRange = true;
    render.columnsPerSide = std::min(std::max(1, file.pingInfo(0).samples), 1024);
    render.pingStep = std::max<std::size_t>(1, (pings + std::size_t(maxRows) - 1) / std::size_t(std::max(1, maxRows)));
    const auto picture = sonar::renderWaterfall(file, render);
    cv::Mat rgb(picture.height, picture.width, CV_8UC3, const_cast<std::uint8_t*>(picture.rgb.data()));
    cv::Mat image;
    cv::cvtColor(rgb, image, cv::COLOR_RGB2BGR);
    const double binMetres = file.pingInfo(0).slantRange / render.columnsPerSide;
    const int columns = render.columnsPerSide;
    int number = 0;
    for (const auto* c : highestScored(contacts, includeRejected)) { // numbered as the report numbers them
        ++number;
        auto column = [&](double metres) {
            return c->side == 0 ? columns - metres / binMetres : columns + metres / binMetres;
        };
        const double a = column(nearOf(*c)), b = column(farOf(*c));
        const cv::Point topLeft(int(std::min(a, b)) - 3, int(double(c->firstPing) / render.pingStep) - 3);
        const cv::Point bottomRight(int(std::max(a, b)) + 3, int(double(c->lastPing + 1) / render.pingStep) + 3);
        cv::rectangle(image, topLeft, bottomRight, statusColour(*c), 2, cv::LINE_AA);
        cv::putText(image, std::to_string(number), topLeft + cv::Point(0, -4), cv::FONT_HERSHEY_SIMPLEX, 0.5,
                    statusColour(*c), 1, cv::LINE_AA);
    }
    std::vector<std::uint8_t> png;
    if (!cv::imencode(".png", image, png))
        throw Error(out.string() + ": the waterfall could not be encoded as PNG");
    AtomicFile target(out);
    target.stream().write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size()));
    target.commit();
}

} // namespace fathom::report
