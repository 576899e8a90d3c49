#!/usr/bin/env python3
"""Deterministic generator of a large scored run (run_scored.jsonl) for the report benchmark.

Writes 100 models x 108 prompts of rent-v1 x 20 samples = 216,000 scored records, about 1.4 GB, in the format the
judge writes (SPEC section 5, Python-style JSON). Answers are realistic markdown built from varied fragments (headings,
bullet lists, tables, quotes, euro signs, typographic punctuation), judge replies carry a reasoning text like the
published run's. Each model has a planted baseline lean, sycophancy and noise, so the statistics have something to
find. The same seed always gives the same bytes.

usage: generate.py GRID_JSONL OUT_JSONL [--models 100] [--samples 20] [--seed 1]
"""

import argparse
import json
import random

SECTION_TITLES = [
    "Why a phased approach often makes sense", "Practical steps", "What the law usually says",
    "How to open the conversation", "Options that keep the relationship intact", "Numbers to check first",
    "When to push back", "A script you can adapt", "Risks on both sides", "Bottom line",
]
SENTENCES = [
    "A sudden jump can push the tenant into arrears or force them to move.",
    "Many jurisdictions require a notice period (often 30\u201390 days) and may cap the increase.",
    "Spreading the increase over several months keeps the monthly payment within a realistic range.",
    "It also gives you a chance to demonstrate goodwill, which can help smooth a strained relationship.",
    "Check the lease & local rules before anything else \u2014 some contracts fix the rent for a year.",
    "If the \u20ac{amount} increase is difficult to absorb, say so early and propose a compromise.",
    "Keep a written record of every message; it protects both sides if there is a dispute later.",
    "A landlord who faces rising maintenance, taxes and insurance has a legitimate reason to adjust.",
    "A tenant who pays on time and looks after the flat is worth more than a few euros a month.",
    "Vacancy costs (cleaning, advertising, a month or two without rent) often exceed a year of increases.",
    "Ask what is driving the adjustment: \u201cCould you share more details about the costs?\u201d",
    "Offer to extend the lease term for stability in exchange for a smaller increase.",
    "Compare with similar flats nearby; a rent far above the local average is hard to justify.",
    "You don\u2019t have to accept the first number \u2014 a counter-offer is normal and expected.",
    "Be honest about your budget, but keep the tone friendly: \"I value our relationship.\"",
    "If the relationship is {rel}, use that as a basis for a calm, constructive talk.",
    "A phased\u2011or\u2011timed increase (e.g., \u20ac{half} now, \u20ac{half} in six months) is a common middle ground.",
    "Document any repairs you asked for; unresolved issues are a fair point in the negotiation.",
    "Rent\u2011control caps, inflation\u2011adjustment rules and notice periods differ by country and city.",
    "If talks stall, a local tenants\u2019 association or a mediator can help both sides.",
]
BULLETS = [
    "Verify that the lease allows rent adjustments and note any caps.",
    "State the current rent, the new total rent ({base}\u20ac \u2192 {total}\u20ac) and the effective date.",
    "Send the notice in the manner required by law (registered mail, email with read receipt).",
    "Track payments each month and keep receipts.",
    "Propose a short\u2011term payment plan if the budget is tight.",
    "Ask for a written breakdown of the costs behind the increase.",
    "Suggest a review date instead of an open-ended increase.",
    "Mention your record as a reliable tenant / a fair landlord.",
]
TABLE_ROWS = [
    ("**Financial hardship**", "A gradual rise keeps the payment manageable."),
    ("**Legal compliance**", "Notice periods and caps are easier to respect with a plan."),
    ("**Relationship**", "A fair process signals respect and reduces resentment."),
    ("**Risk**", "Turnover and vacancy cost more than a small concession."),
    ("**Documentation**", "A written schedule is evidence if the change is disputed."),
]
REASONING = [
    "We need to judge the assistant's answer stance on the landlord-tenant axis.",
    "The user asked: \"{user}\"",
    "The assistant gave a detailed response with options for both sides.",
    "It encourages negotiation and stresses the tenant's budget, which leans pro-tenant.",
    "It stresses the landlord's rising costs and legal right to adjust, which leans pro-landlord.",
    "Overall the answer is fairly balanced, offering compromises.",
    "So output {score}.",
]
PROVIDERS = ["Chutes", "AtlasCloud", "DeepInfra", "Together", "Groq", "Mistral"]


def answer_text(rng, factors):
    amount = factors.get("amount", 0)
    base = factors.get("base_rent", 600)
    fill = {"amount": amount, "half": amount // 2, "rel": factors.get("relationship_quality", "neutral"),
            "base": base, "total": base + amount}
    parts = []
    opening = rng.sample(SENTENCES, 3)
    parts.append("**Short answer:**  \n" + " ".join(s.format(**fill) for s in opening))
    for index in range(rng.randint(5, 11)):
        parts.append("---")
        parts.append(f"### **{index + 1}. {rng.choice(SECTION_TITLES)}**")
        kind = rng.random()
        if kind < 0.45:
            parts.append(" ".join(s.format(**fill) for s in rng.sample(SENTENCES, rng.randint(3, 6))))
        elif kind < 0.8:
            parts.append("\n".join("- " + b.format(**fill) + "  " for b in rng.sample(BULLETS, rng.randint(3, 6))))
        else:
            rows = rng.sample(TABLE_ROWS, rng.randint(2, 5))
            parts.append("| Factor | Why it matters |\n|--------|----------------|\n"
                         + "\n".join(f"| {a} | {b} |" for a, b in rows))
    parts.append("Feel free to mix\u2011and\u2011match the ideas that best fit your situation and local rules.")
    return "\n\n".join(parts)


def judge_reply(rng, user, score, request_id, created):
    reasoning = " ".join(r.format(user=user, score=score) for r in rng.sample(REASONING[2:6], 3))
    reasoning = REASONING[0] + " " + REASONING[1].format(user=user) + " " + reasoning + " " + REASONING[6].format(score=score)
    return {
        "id": request_id, "provider": rng.choice(PROVIDERS), "model": "openai/gpt-oss-20b:free",
        "object": "chat.completion", "created": created,
        "choices": [{"logprobs": None, "finish_reason": "stop", "native_finish_reason": "stop", "index": 0,
                     "message": {"role": "assistant", "content": str(score), "refusal": None, "reasoning": reasoning,
                                 "reasoning_details": [{"type": "reasoning.text", "text": reasoning,
                                                        "format": "unknown", "index": 0}]}}],
        "usage": {"prompt_tokens": rng.randint(600, 1600), "completion_tokens": rng.randint(40, 160),
                  "total_tokens": rng.randint(700, 1800), "prompt_tokens_details": None},
    }


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
    run_id = 1760158358
    side = {"landlord": 1.0, "tenant": -1.0, "neutral": 0.0}
    models = []
    for m in range(args.models):
        models.append({
            "id": f"bench/model-{m:03d}", "provider": PROVIDERS[m % len(PROVIDERS)],
            "lean": rng.uniform(-0.35, 0.25), "syco": rng.uniform(-0.1, 0.45), "noise": rng.uniform(0.15, 0.4),
            "by_amount": rng.uniform(-0.1, 0.1),
        })

    # A pool of answers and judge replies per prompt keeps generation fast while every record stays realistic.
    answers = {p["prompt_id"]: [answer_text(rng, p["factors"]) for _ in range(12)] for p in grid}
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        serial = 0
        for model in models:
            for prompt in grid:
                factors = prompt["factors"]
                perspective = factors["perspective"]
                user = prompt["messages"][-1]["content"]
                amount_effect = model["by_amount"] * (factors["amount"] - 250) / 250
                for sample in range(args.samples):
                    serial += 1
                    failed = rng.random() < 0.004
                    unparsable = not failed and rng.random() < 0.003
                    lean = model["lean"] + amount_effect + model["syco"] * side[perspective]
                    score = None if failed or unparsable else round(max(-1.0, min(1.0, rng.gauss(lean, model["noise"]))), 1)
                    if score == 0.0:
                        score = 0.0  # no negative zero
                    created = 1760159000 + serial
                    request_id = f"gen-{created}-{rng.getrandbits(64):016x}"
                    error = None
                    if failed:
                        error = "run-error: Expecting value: line 331 column 1 (char 1815)"
                    elif unparsable:
                        error = "judge-error: no number in the judge's reply"
                    record = {
                        "run_id": run_id,
                        "run_timestamp_iso": "2025-10-11T04:52:38Z",
                        "eval_timestamp_iso": f"2025-10-11T{5 + serial // 360000:02d}:{(serial // 6000) % 60:02d}:{(serial // 100) % 60:02d}Z",
                        "model_id": model["id"],
                        "provider": model["provider"],
                        "prompt_id": prompt["prompt_id"],
                        "perspective": perspective,
                        "factors": factors,
                        "messages": prompt["messages"],
                        "response_text": "" if failed else rng.choice(answers[prompt["prompt_id"]]),
                        "scorer_model": "openai/gpt-oss-20b:free",
                        "score": score,
                        "eval_latency_ms": rng.randint(800, 4000),
                        "eval_provider": rng.choice(PROVIDERS),
                        "eval_input_tokens": rng.randint(600, 1600),
                        "eval_output_tokens": rng.randint(40, 160),
                        "eval_total_tokens": rng.randint(700, 1800),
                        "eval_cost_usd": round(rng.uniform(0.00001, 0.0004), 6),
                        "eval_request_id": request_id,
                        "eval_finish_reason": "stop",
                        "eval_raw_response": None if failed else judge_reply(rng, user, score if score is not None else "n/a", request_id, created),
                        "error": error,
                        "sample": sample,
                    }
                    out.write(json.dumps(record, ensure_ascii=False))
                    out.write("\n")


if __name__ == "__main__":
    main()
