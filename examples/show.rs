fn main() {
    for p in pilot_audit::audit::examples::examples() {
        let a = pilot_audit::assess(&p);
        println!("{} {:?} {:.1}", p.id, a.verdict, a.score);
        for c in &a.criteria {
            println!(
                "   {:15} {:?} {:5.1} | {} | {}",
                c.id.id(),
                c.status,
                c.score,
                c.finding,
                c.fix
            );
        }
        println!("   rel {:?}", a.reliability);
        println!(
            "   exp net {:.0} pb {:?} ai {:?} | cons net {:.0} pb {:?}",
            a.economics.expected.monthly_net_value,
            a.economics.expected.payback_months,
            a.economics.expected.ai_cost_per_task,
            a.economics.conservative.monthly_net_value,
            a.economics.conservative.payback_months
        );
        println!("   {:?}", a.what_it_would_take);
        println!(
            "   tornado: {:?}",
            a.sensitivity
                .iter()
                .map(|r| (r.label.as_str(), r.swing as i64))
                .collect::<Vec<_>>()
        );
    }
}
