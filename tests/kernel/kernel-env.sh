#!/bin/sh
# Prints the environment the kernel's top-level Makefile exports to conf for a
# native (non-cross) build of ARCH, as NAME=value lines for `env`.
# Usage: kernel-env.sh SRCTREE ARCH
set -eu
src=$1; arch=$2
case $arch in
    i386|x86_64) srcarch=x86 ;;
    sparc32|sparc64) srcarch=sparc ;;
    parisc64) srcarch=parisc ;;
    *) srcarch=$arch ;;
esac
mk() { sed -n "s/^$1 = *//p" "$src/Makefile" | head -n 1; }
version="$(mk VERSION).$(mk PATCHLEVEL).$(mk SUBLEVEL)$(mk EXTRAVERSION)"
case $srcarch in
    x86) defconfig=${arch}_defconfig; [ "$arch" = x86 ] && defconfig=x86_64_defconfig ;;
    *) defconfig=defconfig ;;
esac
cc=gcc
echo "PATH=$PATH"
echo "HOME=${HOME:-/}"
echo "LC_ALL=C"
echo "srctree=$src"
echo "ARCH=$arch"
echo "SRCARCH=$srcarch"
echo "KERNELVERSION=$version"
echo "CC=$cc"
echo "LD=ld"
echo "AR=ar"
echo "NM=nm"
echo "OBJCOPY=objcopy"
echo "HOSTCC=gcc"
echo "HOSTCXX=g++"
echo "RUSTC=rustc"
echo "BINDGEN=bindgen"
echo "PAHOLE=pahole"
echo "PYTHON3=python3"
echo "CC_VERSION_TEXT=$(LC_ALL=C $cc --version 2>/dev/null | head -n 1 | tr -d '#')"
echo "RUSTC_VERSION_TEXT=$(rustc --version 2>/dev/null || true)"
echo "KCONFIG_DEFCONFIG_LIST=arch/$srcarch/configs/$defconfig"
