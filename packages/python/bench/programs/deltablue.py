# DeltaBlue: an incremental one-way dataflow constraint solver (pyperformance's deltablue shape):
# strengths, stay/edit/equality/scale constraints over variables, a planner that walks the
# constraint graph with marks, and the classic chain and projection tests.
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = range(7)
NONE, FORWARD, BACKWARD = 0, 1, 2


def stronger(a, b):
    return a < b


def weaker(a, b):
    return a > b


def weakest_of(a, b):
    return a if weaker(a, b) else b


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, constraint):
        self.constraints.append(constraint)

    def remove_constraint(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def add_constraint(self, planner):
        self.add_to_graph()
        planner.incremental_add(self)

    def satisfy(self, mark, planner):
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not planner.add_propagate(self, mark):
            raise RuntimeError("cycle encountered")
        out.mark = mark
        return overridden

    def destroy_constraint(self, planner):
        if self.is_satisfied():
            planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, variable, strength, planner):
        Constraint.__init__(self, strength)
        self.my_output = variable
        self.satisfied = False
        self.add_constraint(planner)

    def add_to_graph(self):
        self.my_output.add_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = self.my_output.mark != mark and stronger(
            self.strength, self.my_output.walk_strength
        )

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.my_output

    def recalculate(self):
        self.my_output.walk_strength = self.strength
        self.my_output.stay = not self.is_input()
        if self.my_output.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def remove_from_graph(self):
        self.my_output.remove_constraint(self)
        self.satisfied = False


class StayConstraint(UnaryConstraint):
    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, v1, v2, strength, planner):
        Constraint.__init__(self, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE
        self.add_constraint(planner)

    def choose_method(self, mark):
        if self.v1.mark == mark:
            if self.v2.mark != mark and stronger(self.strength, self.v2.walk_strength):
                self.direction = FORWARD
            else:
                self.direction = NONE
        elif self.v2.mark == mark:
            if self.v1.mark != mark and stronger(self.strength, self.v1.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
        elif weaker(self.v1.walk_strength, self.v2.walk_strength):
            self.direction = BACKWARD if stronger(self.strength, self.v1.walk_strength) else NONE
        else:
            self.direction = FORWARD if stronger(self.strength, self.v2.walk_strength) else NONE

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def recalculate(self):
        source = self.input()
        target = self.output()
        target.walk_strength = weakest_of(self.strength, source.walk_strength)
        target.stay = source.stay
        if target.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        source = self.input()
        return source.mark == mark or source.stay or source.determined_by is None

    def remove_from_graph(self):
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    def __init__(self, source, scale, offset, target, strength, planner):
        self.scale = scale
        self.offset = offset
        BinaryConstraint.__init__(self, source, target, strength, planner)

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self):
        source = self.input()
        target = self.output()
        target.walk_strength = weakest_of(self.strength, source.walk_strength)
        target.stay = source.stay and self.scale.stay and self.offset.stay
        if target.stay:
            self.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(mark, self)
        while overridden is not None:
            overridden = overridden.satisfy(mark, self)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        for strength in range(REQUIRED, WEAKEST + 1):
            for candidate in unsatisfied:
                if candidate.strength == strength:
                    self.incremental_add(candidate)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = []
        todo = list(sources)
        while todo:
            constraint = todo.pop(0)
            if constraint.output().mark != mark and constraint.inputs_known(mark):
                plan.append(constraint)
                constraint.output().mark = mark
                self.add_constraints_consuming_to(constraint.output(), todo)
        return plan

    def extract_plan_from_constraints(self, constraints):
        sources = [c for c in constraints if c.is_input() and c.is_satisfied()]
        return self.make_plan(sources)

    def add_propagate(self, constraint, mark):
        todo = [constraint]
        while todo:
            current = todo.pop(0)
            if current.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            current.recalculate()
            self.add_constraints_consuming_to(current.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            variable = todo.pop(0)
            for constraint in variable.constraints:
                if not constraint.is_satisfied():
                    unsatisfied.append(constraint)
            determining = variable.determined_by
            for next_constraint in variable.constraints:
                if next_constraint is not determining and next_constraint.is_satisfied():
                    next_constraint.recalculate()
                    todo.append(next_constraint.output())
        return unsatisfied

    def add_constraints_consuming_to(self, variable, todo):
        determining = variable.determined_by
        for constraint in variable.constraints:
            if constraint is not determining and constraint.is_satisfied():
                todo.append(constraint)


def execute_plan(plan):
    for constraint in plan:
        constraint.execute()


def chain_test(length):
    planner = Planner()
    variables = [Variable("v%d" % index) for index in range(length + 1)]
    for first, second in zip(variables, variables[1:]):
        EqualityConstraint(first, second, REQUIRED, planner)
    StayConstraint(variables[-1], STRONG_DEFAULT, planner)
    edit = EditConstraint(variables[0], PREFERRED, planner)
    plan = planner.extract_plan_from_constraints([edit])
    failures = 0
    for value in range(100):
        variables[0].value = value
        execute_plan(plan)
        if variables[-1].value != value:
            failures += 1
    edit.destroy_constraint(planner)
    return failures


def change(planner, variable, new_value):
    edit = EditConstraint(variable, PREFERRED, planner)
    plan = planner.extract_plan_from_constraints([edit])
    for _ in range(10):
        variable.value = new_value
        execute_plan(plan)
    edit.destroy_constraint(planner)


def projection_test(count):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    sources = []
    targets = []
    for index in range(count):
        source = Variable("src%d" % index, index)
        target = Variable("dst%d" % index, index)
        sources.append(source)
        targets.append(target)
        StayConstraint(source, NORMAL, planner)
        ScaleConstraint(source, scale, offset, target, REQUIRED, planner)
    failures = 0
    change(planner, sources[-1], 17)
    if targets[-1].value != 1170:
        failures += 1
    change(planner, targets[-1], 1050)
    if sources[-1].value != 5:
        failures += 1
    change(planner, scale, 5)
    failures += sum(1 for index in range(count - 1) if targets[index].value != index * 5 + 1000)
    change(planner, offset, 2000)
    failures += sum(1 for index in range(count - 1) if targets[index].value != index * 5 + 2000)
    return failures, targets[count // 2].value


results = []
for _ in range(6):
    results.append((chain_test(600), projection_test(600)))
print(results[-1], len(results))
