#include "collectors/shared_library.hpp"

#include <dlfcn.h>

namespace nd {

SharedLibrary::SharedLibrary(std::initializer_list<const char*> sonames) {
    std::string tried;
    for (const char* name : sonames) {
        // RTLD_LOCAL: the symbols serve only this handle and never shadow anything linked in.
        handle_ = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (handle_ != nullptr) {
            soname_ = name;
            return;
        }
        const char* why = dlerror();
        tried += std::string(tried.empty() ? "" : "; ") + (why != nullptr ? why : name);
    }
    throw SharedLibraryError("cannot load a shared library: " + tried);
}

void* SharedLibrary::address(const char* name) const {
    dlerror();  // clear a stale error, so that the message below is this lookup's
    void* found = dlsym(handle_, name);
    if (found == nullptr) {
        const char* why = dlerror();
        throw SharedLibraryError(soname_ + " has no " + name +
                                 (why != nullptr ? std::string(": ") + why : ""));
    }
    return found;
}

}  // namespace nd
