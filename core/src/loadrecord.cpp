// SPDX-License-Identifier: MIT
#include "kconfig/loadrecord.h"

#include <sys/stat.h>

namespace kconfig {

std::string fileFingerprint(const std::string &path)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0) return {};
    return std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
           std::to_string(st.st_mtim.tv_nsec) + ':' + std::to_string(st.st_ino) + ':' +
           std::to_string(st.st_mode);
}

void LoadRecord::addPath(const std::string &path, bool opened)
{
    paths.push_back(PathCheck{path, opened ? fileFingerprint(path) : std::string()});
}

void LoadRecord::addEnvironment(const std::string &name, const std::optional<std::string> &value)
{
    for (const auto &e : environment)
        if (e.first == name) return;
    environment.emplace_back(name, value);
}

} // namespace kconfig
