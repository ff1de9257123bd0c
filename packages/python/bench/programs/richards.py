# Richards: Martin Richards' operating-system task scheduler simulation (pyperformance's richards
# shape): task control blocks in a linked list, packets queued between an idle task, a worker, two
# device handlers and two I/O handlers; method calls, attribute reads and writes on instances.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, state_waiting, state_held):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = state_waiting
        self.held = state_held
        self.link = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def is_held_or_suspended(self):
        return self.held or (not self.packet_pending and self.waiting)

    def wait_for_packet(self):
        self.waiting = True
        return self

    def hold(self):
        self.scheduler.hold_count += 1
        self.held = True
        return self.link

    def release(self, ident):
        task = self.scheduler.table[ident]
        task.held = False
        return task if task.priority > self.priority else self

    def send(self, packet):
        target = self.scheduler.table[packet.ident]
        self.scheduler.queue_count += 1
        packet.ident = self.ident
        return target.receive(packet, self)

    def receive(self, packet, sender):
        if self.queue is None:
            self.queue = packet.append_to(None)
            self.packet_pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    def run_next(self):
        packet = None
        if self.waiting and self.packet_pending:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = False
        return self.step(packet)


class IdleTask(Task):
    def __init__(self, scheduler, count):
        Task.__init__(self, scheduler, IDLE, 0, None, False, False)
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        Task.__init__(self, scheduler, WORKER, 1000, queue, True, False)
        self.destination = HANDLER_A
        self.counter = 0

    def step(self, packet):
        if packet is None:
            return self.wait_for_packet()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for index in range(BUFFER_SIZE):
            self.counter += 1
            if self.counter > 26:
                self.counter = 1
            packet.data[index] = self.counter
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue, True, False)
        self.work_queue = None
        self.device_queue = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_queue = packet.append_to(self.work_queue)
            else:
                self.device_queue = packet.append_to(self.device_queue)
        work = self.work_queue
        if work is not None:
            count = work.datum
            if count < BUFFER_SIZE:
                device = self.device_queue
                if device is not None:
                    self.device_queue = device.link
                    device.datum = work.data[count]
                    work.datum = count + 1
                    return self.send(device)
            else:
                self.work_queue = work.link
                return self.send(work)
        return self.wait_for_packet()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None, True, False)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.wait_for_packet()
            self.pending = None
            return self.send(pending)
        self.pending = packet
        return self.hold()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.hold_count = 0
        self.queue_count = 0

    def run(self):
        task = self.tasks
        while task is not None:
            if task.is_held_or_suspended():
                task = task.link
            else:
                task = task.run_next()


def simulate(idle_count):
    scheduler = Scheduler()
    IdleTask(scheduler, idle_count)
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    WorkerTask(scheduler, work)
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        queue = Packet(None, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        HandlerTask(scheduler, handler, 2000 + handler, queue)
    DeviceTask(scheduler, DEVICE_A, 4000)
    DeviceTask(scheduler, DEVICE_B, 5000)
    scheduler.run()
    return scheduler.queue_count, scheduler.hold_count


for _ in range(2):
    result = simulate(10000)
print(result)
