/* Expected results for test_set.c: checksums of the iteration order of
 * int sets after long runs of operations, computed with CPython 3.11.7
 * and pasted in.  checksum(s) is sum((i + 1) * k for i, k in
 * enumerate(s)) modulo 2**64, so it changes with the order.
 *
 * random_checksums: four sets under 18000 random operations (keys from
 * small to large ranges, some sharing hashes), a checkpoint every 200:
 *
 *     M = (1 << 64) - 1
 *     state = 0x243F6A8885A308D3
 *
 *     def rnd():
 *         global state
 *         state ^= (state << 13) & M
 *         state ^= state >> 7
 *         state ^= (state << 17) & M
 *         return state
 *
 *     def key(span):
 *         r = rnd()
 *         v = r % span - span // 2
 *         if r % 41 == 0:
 *             v += (1 << 61) - 1  # the same hash as v
 *         elif r % 43 == 0:
 *             v = -(1 << 63) + r % 5  # hashes -4 .. 0
 *         return v
 *
 *     def checksum(s):
 *         return sum((i + 1) * k for i, k in enumerate(s)) & M
 *
 *     sets = [set() for _ in range(4)]
 *     hits = 0
 *     out = []
 *     for span in (40, 600, 5000):
 *         for op in range(6000):
 *             r, i, j, t = rnd() % 100, rnd() % 4, rnd() % 4, rnd() % 4
 *             if r < 36:
 *                 sets[i].add(key(span))
 *             elif r < 48:
 *                 k = key(span)
 *                 hits += k in sets[i]
 *                 sets[i].discard(k)
 *             elif r < 52:
 *                 k = key(span)
 *                 try:
 *                     sets[i].remove(k)
 *                     hits += 1
 *                 except KeyError:
 *                     hits += 2
 *             elif r < 60:
 *                 hits += key(span) in sets[i]
 *             elif r < 64:
 *                 sets[i].update([key(span) for _ in range(rnd() % (span // 4 + 2))])
 *             elif r < 67:
 *                 sets[t] = sets[i].copy()
 *             elif r < 71:
 *                 sets[t] = sets[i] | sets[j]
 *             elif r < 75:
 *                 sets[t] = sets[i] & sets[j]
 *             elif r < 79:
 *                 sets[t] = sets[i] - sets[j]
 *             elif r < 84:
 *                 sets[i] |= sets[j]
 *             elif r < 88:
 *                 sets[i] &= sets[j]
 *             elif r < 92:
 *                 sets[i] -= sets[j]
 *             elif r < 95:
 *                 hits += sets[i] == sets[j]
 *             elif r < 96:
 *                 sets[i].clear()
 *             if op % 200 == 199:
 *                 cp = hits
 *                 for s in sets:
 *                     cp = (cp * 1000003 + checksum(s) + len(s)) & M
 *                 out.append(cp)
 *     for k in range(0, len(out), 3):
 *         print(', '.join('0x%016x' % x for x in out[k:k + 3]))
 *
 * big_checksums: sets of 120000 and 17143 keys:
 *
 *     M = (1 << 64) - 1
 *
 *     def checksum(s):
 *         return sum((i + 1) * k for i, k in enumerate(s)) & M
 *
 *     def key(n):
 *         return n * 2654435761 % (1 << 32) - (1 << 31)
 *
 *     s, t = set(), set()
 *     for n in range(120000):
 *         s.add(key(n))
 *     out = [checksum(s)]
 *     for n in range(0, 120000, 3):
 *         s.discard(key(n))
 *     out.append(checksum(s))
 *     for n in range(0, 120000, 7):
 *         t.add(key(n))
 *     out += [checksum(s - t), checksum(s & t), checksum(t - s)]
 *     s -= t
 *     out.append(checksum(s))
 *     s |= t
 *     out.append(checksum(s))
 *     print(', '.join('0x%016x' % x for x in out))
 */
#ifndef RPY_TEST_SET_CASES_H
#define RPY_TEST_SET_CASES_H

#include <stdint.h>

static const uint64_t random_checksums[] = {
    0x81938dab407b3903u, 0xab2e33f453a0f7deu, 0xd8c8a1f7211269e6u,
    0x6d8d03010814c5e9u, 0x96695e042c092568u, 0xe23a24336a50f0dbu,
    0xf5c051b669c27be1u, 0x1c4d3c1fcfb34c46u, 0x537ac0262d20607eu,
    0xa4d0ec5981e8d520u, 0xd50f8d5d08e22608u, 0xf1f7e9ec9bb46f67u,
    0xf3f0c6706a49e5e6u, 0x78930284bf2b4998u, 0xfe5a82e02a19241fu,
    0x919ca2f3073b9bbfu, 0x29611e395713c836u, 0x581d67dd2b464744u,
    0xd59c3a601b322acau, 0xe8478b51820130f2u, 0xa948c46259324aaeu,
    0xb2aebeb1695003d0u, 0x4f14d213f058d4c1u, 0xe8bf25441c77f4b2u,
    0x1ab918f96b65c8eeu, 0x2227276150633612u, 0x2b490235da186b6bu,
    0xc4a3a06e52283b75u, 0x164e964a7408612du, 0x3e103e72ef22eaf7u,
    0x2a455baba024afc9u, 0xd90651ebe69a2860u, 0x5efc10f3ea003a07u,
    0x0a2f29e0050cd8abu, 0x08c0b31bfa1dcf27u, 0x414367eda30ca8deu,
    0x97f3bfe6506e09c4u, 0xe33d91a570dad202u, 0x418d8d771e2ce003u,
    0x42c334f70b52f62bu, 0xb4562186c2fdd4bbu, 0xc2e32563fa27633bu,
    0xf1bbed7646cff4ebu, 0xb336da8632fed18fu, 0xac9b49e2b40456aeu,
    0xe160b517a8312bb3u, 0x7859f86f4edcb1e6u, 0xa97163c6fa48f06du,
    0xa3f617424ace3157u, 0xdfc6a340bfeda1dfu, 0xb577a296cbcfa3b8u,
    0x882b4300d8e3b12cu, 0x2e8329a3e1c25666u, 0xf436a72d890439c1u,
    0xa81943afed4f7ef1u, 0x5ab1f197b2227a41u, 0x9a0a2f129f85afc3u,
    0x3929655ec4c8277eu, 0xe2df9396ac063257u, 0xf3ebb3e2a6e1a6eeu,
    0x2a71335863a60077u, 0x1ecd2a593b301115u, 0x199f16311a24a98au,
    0x73f8dc9a99d6d087u, 0x084a41df9e41f846u, 0xde97e1423185df9fu,
    0x1a9df97e7cd61974u, 0xaa6c523a1f70bd30u, 0x6944a46245408383u,
    0x60131db72cc9c152u, 0xa78cd0db128ec275u, 0x058d454b6d1c40ccu,
    0xbab4bf2d668ed927u, 0x52097289da8fa277u, 0x9aa6de914de80bd4u,
    0x8f47009d6c7012dbu, 0xa9508ff14218f983u, 0x74b5db56920ced8au,
    0xad0ca53620e73e00u, 0x6b7fc3e0f4a79d9eu, 0xcd1ff44e2f8852b9u,
    0x513a939acf1684d2u, 0x2f65245319abb189u, 0x28f2e4e5334f0faeu,
    0x6927158f691e118du, 0xc5baa8deaec94eccu, 0x1c694b4c4e03b518u,
    0xd69989c5e0dc0bd4u, 0x915950fd02ea7747u, 0x84769e9c476e5a87u,
};

static const uint64_t big_checksums[] = {
    0x000df233168f7024u, 0x000495d9b289462au, 0x0008a53a7fe9dddbu,
    0x000004a3dbf6f785u, 0x0000d3e8e4d23b20u, 0x0008a53a7fe9dddbu,
    0x000bacd29a8beabcu,
};

#endif
