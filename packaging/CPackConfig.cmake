# The Debian package (issue 7): `cpack -G DEB` in the build directory. The binary and the fingerprint
# rules install from their own folders; this file adds the service pieces and the package metadata.
# Paths follow Debian 12: /usr/bin, /usr/share/netdossier, /lib/systemd/system, /etc/netdossier.

set(_nd_pkg ${PROJECT_SOURCE_DIR}/packaging)

# The default config holds no secret yet, but the administrator will add some: 0600 from the start;
# postinst gives it to the service user. Debian wants the man page compressed, reproducibly (-n).
install(FILES ${_nd_pkg}/netdossier.toml DESTINATION /etc/netdossier
        PERMISSIONS OWNER_READ OWNER_WRITE)
install(FILES ${_nd_pkg}/netdossier.service DESTINATION /lib/systemd/system
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
set(_nd_man ${CMAKE_CURRENT_BINARY_DIR}/netdossier.8.gz)
add_custom_command(OUTPUT ${_nd_man}
  COMMAND gzip -9n -c ${_nd_pkg}/netdossier.8 > ${_nd_man}
  DEPENDS ${_nd_pkg}/netdossier.8 VERBATIM)
add_custom_target(netdossier_man ALL DEPENDS ${_nd_man})
install(FILES ${_nd_man} DESTINATION share/man/man8 PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME netdossier)
set(CPACK_PACKAGE_VENDOR "netdossier")
set(CPACK_PACKAGE_CONTACT "netdossier maintainers <netdossier@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "network discovery agent that keeps a client dossier true")
set(CPACK_PACKAGE_DESCRIPTION
  "netdossier sweeps a site's subnets (ARP, ICMP, SNMP, mDNS), listens passively (LLDP, CDP, mDNS, DHCP),\n fingerprints every device and keeps one record per real device in a local SQLite store, from which\n it exports a client dossier. It runs as a hardened systemd service with only CAP_NET_RAW and CAP_NET_ADMIN.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libpcap and libsystemd are opened at run time (collectors/shared_library.hpp), so shlibdeps cannot see them.
# libpcap >= 1.5 for immediate mode; Debian 13 renamed the package libpcap0.8t64.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, ieee-data, libpcap0.8t64 | libpcap0.8 (>= 1.5.0), libsystemd0")
# The IANA enterprise registry names makers no rule knows; without it those devices only lack a vendor.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libwireshark-data")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${_nd_pkg}/conffiles ${_nd_pkg}/postinst ${_nd_pkg}/prerm ${_nd_pkg}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# Only the install rules above and the binary/data rules: no test or bench targets in the package.
# `cpack` must not build every test first: the caller builds netdossier and netdossier_man.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
include(CPack)

if(NETDOSSIER_TESTS)
  add_test(NAME packaging.unit_security
           COMMAND ${PROJECT_SOURCE_DIR}/tests/packaging/unit_security_test.sh ${_nd_pkg}/netdossier.service)
  set_tests_properties(packaging.unit_security PROPERTIES LABELS unit SKIP_RETURN_CODE 77)
  add_test(NAME packaging.deb_contents
           COMMAND ${PROJECT_SOURCE_DIR}/tests/packaging/deb_contents_test.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(packaging.deb_contents PROPERTIES LABELS integration TIMEOUT 600 SKIP_RETURN_CODE 77)
endif()
