#pragma once
// A Debian shared library opened at run time, for libraries that only some commands need: `identify`,
// `export` or `explain` then start without libpcap and libsystemd and the nine libraries those pull in
// (dbus, gcrypt, the compressors ...), which is most of a one-device identify's start-up cost.
#include <initializer_list>
#include <stdexcept>
#include <string>

namespace nd {

class SharedLibraryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class SharedLibrary {
public:
    // Opens the first of `sonames` that loads; throws SharedLibraryError naming them and the loader's
    // reason. The library stays loaded for the life of the process.
    explicit SharedLibrary(std::initializer_list<const char*> sonames);

    // The function `name`, typed as `Function` (declare it with decltype of the header's prototype);
    // throws SharedLibraryError when the library lacks it.
    template <typename Function>
    Function function(const char* name) const {
        return reinterpret_cast<Function>(address(name));
    }

    const std::string& soname() const { return soname_; }

private:
    void* address(const char* name) const;

    void* handle_ = nullptr;
    std::string soname_;
};

}  // namespace nd
