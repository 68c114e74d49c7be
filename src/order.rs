//! Stable sorting through one sort of indices. std's sort is generic: each element type and
//! comparison it sorts with adds its own copy of the algorithm, about 4 KB of wasm apiece
//! (seven of them were 28 KB of the app's wasm). The app's sorts go through here, so the
//! algorithm is in its wasm once. (The chart module sorts 10,000 draws with std's sort
//! directly: there, speed matters and one copy is all it has.)

use std::cmp::Ordering;

/// Sort `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    // `order` holds each index once, so every slot is taken exactly once.
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sort `items` stably in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The indices `0..len` in the order `compare` puts them, ties in index order. Not generic:
/// the one instance of std's sort.
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_std_does_and_keeps_ties_in_order() {
        let words = [
            "pear", "fig", "apple", "kiwi", "date", "plum", "lime", "fig",
        ];
        let by_len = |a: &(usize, &str), b: &(usize, &str)| a.1.len().cmp(&b.1.len());
        let mut mine: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        let mut std_sorted = mine.clone();
        sort_by(&mut mine, by_len);
        std_sorted.sort_by(by_len);
        assert_eq!(mine, std_sorted);
        // Ties (same length) keep their original order: stable.
        assert_eq!(
            mine.iter().map(|w| w.0).collect::<Vec<_>>(),
            vec![1, 7, 0, 3, 4, 5, 6, 2]
        );
        let mut plain: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        sort(&mut plain);
        assert_eq!(plain[..3], ["apple", "date", "fig"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
