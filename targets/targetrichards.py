"""Richards: Martin Richards' operating-system scheduler simulation.

usage: targetrichards-c [ITERATIONS]     (default 10)

Six tasks share one processor: an idle task, a worker, two handlers and two
devices. They pass work and device packets to each other through the
scheduler's queues; the scheduler always runs the highest-priority task
that is neither held nor waiting for a packet. Each iteration builds the
task set afresh and runs it until the idle task has counted down; the
numbers of queued packets and of hold operations are fixed by the
algorithm (23246 and 9297), so each iteration checks them.

Each kind of task keeps its private state as fields of its own class, so
no task ever needs to look at another kind's record.
"""
import sys

from rpython.rlib.jit import JitDriver

BENCH_ARGS = "15"
BENCH_ARGS_QUICK = "1"

ITERATIONS = 10

# Task identifiers (also indices into the task table).
I_IDLE = 1
I_WORK = 2
I_HANDLERA = 3
I_HANDLERB = 4
I_DEVA = 5
I_DEVB = 6
TASK_TABLE_SIZE = 10

# Packet kinds.
K_DEV = 1000
K_WORK = 1001

# Data bytes carried by a work packet.
BUFSIZE = 4

IDLE_COUNT = 10000
EXPECTED_QPKT_COUNT = 23246
EXPECTED_HOLD_COUNT = 9297


class Packet(object):
    """A message: sent to task `ident`, linked into that task's queue."""

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        """Put this packet at the end of `queue`; returns the queue's
        new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        nxt = last.link
        while nxt is not None:
            last = nxt
            nxt = last.link
        last.link = self
        return queue


class Task(object):
    """A task control block. The three flags give the task's state:
    a packet is pending in its queue, it waits for a packet, it is held."""

    def __init__(self, ident, priority, queue, packet_pending, waiting):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = packet_pending
        self.task_waiting = waiting
        self.task_holding = False
        self.link = sched.task_list
        sched.task_list = self
        sched.task_table[ident] = self

    def is_held_or_waiting(self):
        """True when the scheduler must skip this task."""
        if self.task_holding:
            return True
        return self.task_waiting and not self.packet_pending

    def add_packet(self, packet, current):
        """Queue `packet` for this task; returns the task to run next
        (this one if it now outranks `current`)."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def run(self):
        """Take the next packet, if the task was waiting for one, and run
        the task's body; returns the task to run next."""
        packet = None
        if self.task_waiting and self.packet_pending:
            packet = self.queue
            self.queue = packet.link
            self.task_waiting = False
            self.task_holding = False
            self.packet_pending = self.queue is not None
        return self.step(packet)

    def step(self, packet):
        raise NotImplementedError

    # -- operations a task body ends with --------------------------------
    def wait(self):
        self.task_waiting = True
        return self

    def hold(self):
        sched.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        task = find_task(ident)
        task.task_holding = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        """Queue `packet` for the task named in it, marking this task as
        its sender."""
        task = find_task(packet.ident)
        sched.qpkt_count += 1
        packet.link = None
        packet.ident = self.ident
        return task.add_packet(packet, self)


class IdleTask(Task):
    """Counts down; meanwhile releases the two devices in a pseudo-random
    order driven by a shift register."""

    def __init__(self, ident, priority, count):
        Task.__init__(self, ident, priority, None, False, False)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control = self.control // 2
            return self.release(I_DEVA)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(I_DEVB)


class WorkerTask(Task):
    """Fills each work packet it gets with letters and sends it to the
    handlers, alternately."""

    def __init__(self, ident, priority, queue):
        Task.__init__(self, ident, priority, queue, True, True)
        self.destination = I_HANDLERA
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        if self.destination == I_HANDLERA:
            self.destination = I_HANDLERB
        else:
            self.destination = I_HANDLERA
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return self.send(packet)


class HandlerTask(Task):
    """Pairs work packets with device packets: each byte of a work packet
    goes to the device in a device packet."""

    def __init__(self, ident, priority, queue):
        Task.__init__(self, ident, priority, queue, True, True)
        self.work_in = None
        self.device_in = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == K_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        work = self.work_in
        if work is None:
            return self.wait()
        count = work.datum
        if count >= BUFSIZE:
            self.work_in = work.link
            return self.send(work)
        device = self.device_in
        if device is None:
            return self.wait()
        self.device_in = device.link
        device.datum = work.data[count]
        work.datum = count + 1
        return self.send(device)


class DeviceTask(Task):
    """Holds on to one packet at a time and hands it back when released."""

    def __init__(self, ident, priority):
        Task.__init__(self, ident, priority, None, False, True)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.wait()
            self.pending = None
            return self.send(pending)
        self.pending = packet
        return self.hold()


class Scheduler(object):
    """The scheduler's global state."""

    def __init__(self):
        self.task_list = None
        self.task_table = [None] * TASK_TABLE_SIZE
        self.qpkt_count = 0
        self.hold_count = 0

    def reset(self):
        self.task_list = None
        for i in range(TASK_TABLE_SIZE):
            self.task_table[i] = None
        self.qpkt_count = 0
        self.hold_count = 0


sched = Scheduler()

driver = JitDriver(greens=[], reds=["task"])


def find_task(ident):
    task = sched.task_table[ident]
    if task is None:
        raise ValueError("no task with this identifier")
    return task


def setup():
    """Create the six tasks and their initial packets."""
    sched.reset()
    IdleTask(I_IDLE, 1, IDLE_COUNT)

    queue = Packet(None, 0, K_WORK)
    queue = Packet(queue, 0, K_WORK)
    WorkerTask(I_WORK, 1000, queue)

    queue = Packet(None, I_DEVA, K_DEV)
    queue = Packet(queue, I_DEVA, K_DEV)
    queue = Packet(queue, I_DEVA, K_DEV)
    HandlerTask(I_HANDLERA, 2000, queue)

    queue = Packet(None, I_DEVB, K_DEV)
    queue = Packet(queue, I_DEVB, K_DEV)
    queue = Packet(queue, I_DEVB, K_DEV)
    HandlerTask(I_HANDLERB, 3000, queue)

    DeviceTask(I_DEVA, 4000)
    DeviceTask(I_DEVB, 5000)


def schedule():
    """Run tasks, highest priority first, until every task is held or
    waiting."""
    task = sched.task_list
    while task is not None:
        driver.jit_merge_point(task=task)
        if task.is_held_or_waiting():
            task = task.link
        else:
            task = task.run()


def entry_point(argv):
    iterations = ITERATIONS
    if len(argv) > 1:
        iterations = int(argv[1])
    failures = 0
    for i in range(iterations):
        setup()
        schedule()
        if (sched.qpkt_count != EXPECTED_QPKT_COUNT
                or sched.hold_count != EXPECTED_HOLD_COUNT):
            failures += 1
    print("Richards: %d iterations" % iterations)
    print("qpkt_count = %d, hold_count = %d" % (sched.qpkt_count, sched.hold_count))
    if failures == 0:
        print("results are correct")
        return 0
    print("results are INCORRECT in %d iterations" % failures)
    return 1


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
