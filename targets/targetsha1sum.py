"""sha1sum: the SHA-1 digest of files, computed in pure Python.

usage: targetsha1sum-c FILE...

Prints `<40 hex digits>  <FILE>` for each file, like sha1sum(1). Exit
status 0, 1 if a file could not be read, 2 without arguments.

SHA-1 (FIPS 180-4) works on 32-bit words; here they are ordinary ints kept
below 2**32 by masking with 0xFFFFFFFF after every operation that could
carry beyond 32 bits. The file is read with os.open/os.read in chunks and
fed to the hash 64-byte block by block; a partial block waits in a list of
byte values until the next chunk completes it.
"""
import os
import sys

from rpython.rlib.rarithmetic import intmask

# bench/run.py replaces {root} with the repository root. Cargo.lock is a
# file every checkout has (about 20 KB); forty passes over it make about a
# second of CPython.
BENCH_ARGS = ("{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock {root}/Cargo.lock {root}/Cargo.lock "
              "{root}/Cargo.lock")
BENCH_ARGS_QUICK = "{root}/Cargo.lock"

MASK = 0xFFFFFFFF
BLOCK = 64
CHUNK = 65536

K0 = 0x5A827999
K1 = 0x6ED9EBA1
K2 = 0x8F1BBCDC
K3 = 0xCA62C1D6


class Sha1(object):
    """The running state of one SHA-1 computation."""

    def __init__(self):
        self.h0 = 0x67452301
        self.h1 = 0xEFCDAB89
        self.h2 = 0x98BADCFE
        self.h3 = 0x10325476
        self.h4 = 0xC3D2E1F0
        self.length = 0
        self.pending = [0] * 0
        self.w = [0] * 80

    def load_bytes(self, data, start):
        """The 16 big-endian words of data[start:start+64] into w[0:16]."""
        w = self.w
        p = start
        for t in range(16):
            w[t] = ((data[p] << 24) | (data[p + 1] << 16)
                    | (data[p + 2] << 8) | data[p + 3])
            p += 4

    def load_list(self, values):
        """The same from a list of 64 byte values."""
        w = self.w
        p = 0
        for t in range(16):
            w[t] = ((values[p] << 24) | (values[p + 1] << 16)
                    | (values[p + 2] << 8) | values[p + 3])
            p += 4

    def compress(self):
        """Mix the block in w[0:16] into h0..h4."""
        w = self.w
        for t in range(16, 80):
            x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
            w[t] = ((x << 1) | (x >> 31)) & MASK
        a = self.h0
        b = self.h1
        c = self.h2
        d = self.h3
        e = self.h4
        for t in range(0, 20):
            f = (b & c) | ((~b) & d)
            tmp = ((((a << 5) | (a >> 27)) & MASK) + f + e + K0 + w[t]) & MASK
            e = d
            d = c
            c = ((b << 30) | (b >> 2)) & MASK
            b = a
            a = tmp
        for t in range(20, 40):
            f = b ^ c ^ d
            tmp = ((((a << 5) | (a >> 27)) & MASK) + f + e + K1 + w[t]) & MASK
            e = d
            d = c
            c = ((b << 30) | (b >> 2)) & MASK
            b = a
            a = tmp
        for t in range(40, 60):
            f = (b & c) | (b & d) | (c & d)
            tmp = ((((a << 5) | (a >> 27)) & MASK) + f + e + K2 + w[t]) & MASK
            e = d
            d = c
            c = ((b << 30) | (b >> 2)) & MASK
            b = a
            a = tmp
        for t in range(60, 80):
            f = b ^ c ^ d
            tmp = ((((a << 5) | (a >> 27)) & MASK) + f + e + K3 + w[t]) & MASK
            e = d
            d = c
            c = ((b << 30) | (b >> 2)) & MASK
            b = a
            a = tmp
        self.h0 = (self.h0 + a) & MASK
        self.h1 = (self.h1 + b) & MASK
        self.h2 = (self.h2 + c) & MASK
        self.h3 = (self.h3 + d) & MASK
        self.h4 = (self.h4 + e) & MASK

    def update(self, data):
        """Feed the bytes `data`."""
        n = len(data)
        self.length += n
        i = 0
        if len(self.pending) > 0:
            while i < n and len(self.pending) < BLOCK:
                self.pending.append(data[i])
                i += 1
            if len(self.pending) < BLOCK:
                return
            self.load_list(self.pending)
            self.compress()
            self.pending = [0] * 0
        while i + BLOCK <= n:
            self.load_bytes(data, i)
            self.compress()
            i += BLOCK
        while i < n:
            self.pending.append(data[i])
            i += 1

    def hexdigest(self):
        """Pad, finish and return the digest as 40 hex digits. The state
        is used up."""
        # The length field is the message length in bits modulo 2**64.
        bits = intmask(self.length * 8)
        tail = self.pending
        tail.append(0x80)
        while len(tail) % BLOCK != BLOCK - 8:
            tail.append(0)
        for k in range(8):
            tail.append((bits >> (56 - 8 * k)) & 0xFF)
        p = 0
        while p < len(tail):
            self.load_list(tail[p:p + BLOCK])
            self.compress()
            p += BLOCK
        self.pending = [0] * 0
        return "%08x%08x%08x%08x%08x" % (self.h0, self.h1, self.h2, self.h3, self.h4)


def sha1_file(path):
    """The hex digest of the file at `path`; raises OSError if it cannot
    be read."""
    h = Sha1()
    fd = os.open(path, os.O_RDONLY, 0)
    try:
        while True:
            data = os.read(fd, CHUNK)
            if len(data) == 0:
                break
            h.update(data)
    finally:
        os.close(fd)
    return h.hexdigest()


def entry_point(argv):
    if len(argv) < 2:
        os.write(2, b"usage: sha1sum FILE...\n")
        return 2
    status = 0
    for i in range(1, len(argv)):
        path = argv[i]
        try:
            digest = sha1_file(path)
        except OSError:
            os.write(2, ("sha1sum: %s: cannot read the file\n" % path).encode("utf-8"))
            status = 1
            continue
        print(digest + "  " + path)
    return status


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
