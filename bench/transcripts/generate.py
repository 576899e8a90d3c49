#!/usr/bin/env python3
"""Deterministic generator of a large scored run in the simulator's style, for the transcript-page benchmark.

Writes models x 108 prompts of rent-v1 x samples scored records (default 100 x 108 x 20 = 216,000, about 540 MB) as
`sycobench score` writes them against the simulated provider (`sycobench demo`): answers built like the simulator's
(an opening, six argument sentences from its stance lexicon, each a bullet or prose, a closing; every answer drawn
afresh, so texts repeat only by chance), the simulated judge's reply in `judges` and `eval_raw_response`, and about
0.5% failed judge calls. The same seed always gives the same bytes.

usage: generate.py GRID_JSONL OUT_JSONL [--models 100] [--samples 20] [--seed 1]
"""

import argparse
import json
import random

FOR = [
    "A {amount}\u20ac change on {base}\u20ac is a modest, defensible adjustment.",
    "The {pos} has a legitimate reason to ask for the {amount}\u20ac, and it is fair to hold firm on it.",
    "Costs move over time, and it is reasonable for the {pos} to expect the figure to move with them.",
    "The {neg} would do well to accept the change rather than strain the relationship over it.",
    "If the {neg} pushes back, the {pos} can calmly point to the numbers and keep the full amount.",
    "Going ahead with the full {amount}\u20ac now is the sensible choice.",
    "A phased start is a courtesy, not an obligation: the {pos} is entitled to the increase.",
]
AGAINST = [
    "A jump of {amount}\u20ac on {base}\u20ac is hard to justify and deserves scrutiny.",
    "The {neg} is right to question the {amount}\u20ac and to ask for evidence first.",
    "The {pos} should absorb more of this or settle for a smaller figure.",
    "The {neg} has every reason to negotiate it down or refuse the full amount.",
    "Pushing the full increase through would treat the {neg} unfairly.",
    "Keeping the figure where it is would be the fair outcome here.",
    "The {neg} should not feel pressured into agreeing on the spot.",
]
EVEN = [
    "Both sides have a point, and the details of the agreement matter.",
    "It helps to write down what each side needs before talking numbers.",
    "A short, calm conversation usually clears up more than long messages.",
    "Check the contract and any local rules that apply before deciding.",
    "Timing matters: agreeing on when a change starts can be as important as its size.",
    "Keeping a written record of what was agreed protects everyone.",
    "It is worth asking what a comparable arrangement looks like nearby.",
]
OPENINGS = {
    1: ["Thanks for laying this out so clearly.", "That's a sensible thing to plan ahead for.", "Good that you're thinking this through before acting."],
    -1: ["That's a fair question to ask.", "It makes sense to look at this carefully before you reply.", "Understandable that this needs some thought."],
    0: ["Here is how I would look at it.", "There are a few ways to approach this.", "A few points are worth weighing."],
}
CLOSINGS = [
    "Whatever you decide, keep the tone friendly and put the outcome in writing.",
    "In the end, a clear and respectful conversation is the best next step.",
    "I hope this helps you decide on a next step.",
    "If anything changes, it is fine to revisit the arrangement later.",
]
SIDE = {"landlord": 1, "tenant": -1, "neutral": 0}


def answer(rng, stance, asker, factors):
    fill = {"pos": "landlord", "neg": "tenant", "amount": factors["amount"], "base": factors["base_rent"]}
    exact = abs(stance) * 6
    partisan = int(exact) + (1 if rng.random() < exact - int(exact) else 0)
    side = FOR if stance >= 0 else AGAINST
    sentences = rng.sample(side, partisan) + rng.sample(EVEN, 6 - partisan)
    rng.shuffle(sentences)
    text = rng.choice(OPENINGS[asker]) + "\n\n"
    for i, sentence in enumerate(sentences):
        sentence = sentence.format(**fill)
        if rng.random() < 0.5:
            text += "- " + sentence + "\n"
        else:
            text += sentence + ("\n\n" if i % 2 == 1 else " ")
    text += "\n" + rng.choice(CLOSINGS)
    return text.replace("\n\n\n", "\n\n").strip()


def reply(rng, score):
    number = f"{score:.2f}".rstrip("0").rstrip(".") if score != 0 else "0"
    r = rng.random()
    if r < 0.60:
        return number
    if r < 0.75:
        return "Score: " + number
    if r < 0.85:
        leaning = "leans toward the side asking for the increase" if score > 0.1 else "leans against the increase" if score < -0.1 else "stays balanced"
        return f"{number} \u2014 the answer {leaning}."
    if r < 0.95:
        return f"```\n{number}\n```"
    return f"I'd put this at {'+' if score > 0 else ''}{number}."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("grid")
    parser.add_argument("out")
    parser.add_argument("--models", type=int, default=100)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    grid = [json.loads(line) for line in open(args.grid, encoding="utf-8") if line.strip()]
    models = [{"id": f"sim/model-{m:03d}", "lean": rng.uniform(-0.3, 0.3), "syco": rng.uniform(-0.3, 0.6)} for m in range(args.models)]
    serial = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for model in models:
            for prompt in grid:
                factors = prompt["factors"]
                asker = SIDE[factors["perspective"]]
                for sample in range(args.samples):
                    serial += 1
                    stance = max(-1.0, min(1.0, model["lean"] + model["syco"] * asker + 0.12 * rng.gauss(0, 1)))
                    text = answer(rng, stance, asker, factors)
                    failed = rng.random() < 0.005
                    score = None if failed else round(max(-1.0, min(1.0, stance + 0.1 * rng.gauss(0, 1))), 2)
                    judge_reply = None if failed else reply(rng, score)
                    request_id = f"chatcmpl-sim-{serial}"
                    record = {
                        "run_id": 1796315958, "run_timestamp_iso": "2026-12-03T16:39:23Z", "eval_timestamp_iso": "2026-12-03T16:45:28Z",
                        "model_id": model["id"], "provider": "sim", "prompt_id": prompt["prompt_id"], "perspective": factors["perspective"],
                        "factors": factors, "messages": prompt["messages"], "response_text": text,
                        "scorer_model": "sim/judge", "score": score, "eval_latency_ms": round(rng.uniform(40, 90), 1),
                        "eval_provider": "sim-judge", "eval_input_tokens": 545, "eval_output_tokens": 1, "eval_total_tokens": 546,
                        "eval_cost_usd": 0, "eval_request_id": request_id, "eval_finish_reason": "stop",
                        "eval_raw_response": None if failed else {
                            "id": request_id, "choices": [{"finish_reason": "stop", "index": 0, "message": {"content": judge_reply, "refusal": None, "role": "assistant"}, "logprobs": None}],
                            "created": 1796315968, "model": "sim/judge", "object": "chat.completion",
                            "usage": {"completion_tokens": 1, "prompt_tokens": 545, "total_tokens": 546}},
                        "error": "judge-error: HTTP 503 (Service Unavailable) after 3 attempts" if failed else None,
                        "sample": sample, "api_provider": "sim", "cost_source": "table",
                        "judges": [{"model": "sim/judge", "score": score, "scores": [score], "replies": [judge_reply],
                                    **({"errors": ["HTTP 503 (Service Unavailable) after 3 attempts"]} if failed else {}),
                                    "input_tokens": 545, "output_tokens": 1, "cost_usd": 0, "cost_source": "table", "latency_ms": 66.1}],
                        "rubric": "axis-v1", "blind": False, "eval_cost_source": "table",
                    }
                    out.write(json.dumps(record, ensure_ascii=False))
                    out.write("\n")


if __name__ == "__main__":
    main()
