//! [`Fetched`]: the app's one kind of resource (data from the API).
//!
//! leptos compiles its resource machinery (`ArcAsyncDerived` and the futures
//! around it) once per value type and fetcher closure: about 4 KB of wasm
//! for each of the app's seven resources. Every `Fetched` is the same
//! `LocalResource` underneath, a boxed fetcher and a type-erased answer, so
//! that machinery is compiled once; only the small typed `get` is per type.

use leptos::prelude::*;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

type Erased = Result<Rc<dyn Any>, String>;
type Fetcher = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Erased>>>>;

/// A value loaded from the API, refetched when the signals its fetcher
/// reads change; `Err` carries the message the reader sees.
pub struct Fetched<T> {
    resource: LocalResource<Erased>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Fetched<T> {}

impl<T: Clone + 'static> Fetched<T> {
    pub fn new<Answer>(fetch: impl Fn() -> Answer + 'static) -> Self
    where
        Answer: Future<Output = Result<T, String>> + 'static,
    {
        let fetcher: Fetcher = Box::new(move || {
            let answer = fetch();
            Box::pin(async move { answer.await.map(|value| Rc::new(value) as Rc<dyn Any>) })
        });
        Fetched {
            resource: LocalResource::new(fetcher),
            value: PhantomData,
        }
    }

    /// The answer once it has arrived; tracked, like `LocalResource::get`.
    pub fn get(&self) -> Option<Result<T, String>> {
        self.resource.map(|answer| match answer {
            // `new` stored a `T`, so the downcast cannot fail; were it ever
            // to, the reader sees an error rather than a crash.
            Ok(value) => value
                .downcast_ref::<T>()
                .cloned()
                .ok_or_else(|| crate::i18n::t("shell-error-mixed")),
            Err(message) => Err(message.clone()),
        })
    }

    /// Asks the server again (the "Try again" buttons).
    pub fn refetch(&self) {
        self.resource.refetch();
    }
}
