/**
 * Deliberately wrong solutions made from a reference (EvalPlus ships none): the demo policy replays them
 * and the judge audit checks that every one fails. One returns a perturbed result (a wrong answer, so
 * feedback shows an AssertionError), one raises (feedback shows a traceback). Stored as the problem's
 * wrongSolutions; README.md says they are ours, not the dataset's.
 */
export function wrongVariants(reference: string, entryPoint: string): string[] {
  const perturbed = `${reference.trimEnd()}


_right_${entryPoint} = ${entryPoint}


def ${entryPoint}(*args, **kwargs):
    result = _right_${entryPoint}(*args, **kwargs)
    if isinstance(result, bool):
        return not result
    if isinstance(result, (int, float)):
        return result + 1
    if isinstance(result, str):
        return result + "?"
    if isinstance(result, (list, tuple)):
        return type(result)(list(result)[1:]) if result else type(result)([0])
    return None
`;
  const raising = `${reference.trimEnd()}


def ${entryPoint}(*args, **kwargs):
    raise ValueError("not implemented yet")
`;
  return [perturbed, raising];
}
