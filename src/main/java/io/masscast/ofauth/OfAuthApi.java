package io.masscast.ofauth;

import io.masscast.core.port.RequestStartHook;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Tag;

/**
 * OFAuth's HTTP API as masscast uses it. Paths are relative so a base URL with a path prefix works.
 * {@code apiKey} is added to every request by {@link ApiKeyInterceptor}; {@code x-connection-id} is a
 * parameter of exactly the {@code /v2/access/*} calls. A null {@code @Query} is left out of the URL.
 * Writes that create or replace a message carry their {@link RequestStartHook} as a request tag, for
 * {@link TransmissionTracker} to run when the request goes on the wire.
 */
interface OfAuthApi {

    String CONNECTION = "x-connection-id";

    @POST("v2/access/mass-messages")
    Call<MassMessageReceiptJson> createMassMessage(
            @Header(CONNECTION) String connectionId,
            @Body MassMessageRequestJson body,
            @Tag RequestStartHook onRequestStart);

    @GET("v2/access/mass-messages/{id}")
    Call<MassMessageJson> massMessage(@Header(CONNECTION) String connectionId, @Path("id") long id);

    @PUT("v2/access/mass-messages/{id}")
    Call<MassMessageReceiptJson> replaceMassMessage(
            @Header(CONNECTION) String connectionId,
            @Path("id") long id,
            @Body MassMessageRequestJson body,
            @Tag RequestStartHook onRequestStart);

    @DELETE("v2/access/mass-messages/{id}")
    Call<DeleteResultJson> deleteMassMessage(@Header(CONNECTION) String connectionId, @Path("id") long id);

    @GET("v2/access/users/lists")
    Call<ListingJson<UserListJson>> userLists(
            @Header(CONNECTION) String connectionId,
            @Query("limit") int limit,
            @Query("offset") long offset,
            @Query("query") String query);

    @GET("v2/access/users/lists/{id}")
    Call<UserListJson> userList(@Header(CONNECTION) String connectionId, @Path("id") String listId);

    @GET("v2/access/users/lists/{id}/users")
    Call<ListingJson<UserJson>> listMembers(
            @Header(CONNECTION) String connectionId,
            @Path("id") String listId,
            @Query("limit") int limit,
            @Query("offset") long offset);

    @GET("v2/access/analytics/mass-messages/sent")
    Call<ListingJson<MassMessageJson>> sentMessages(
            @Header(CONNECTION) String connectionId,
            @Query("startDate") String startDate,
            @Query("endDate") String endDate,
            @Query("limit") int limit);

    @GET("v2/access/analytics/mass-messages/purchased")
    Call<ListingJson<MassMessageJson>> purchasedMessages(
            @Header(CONNECTION) String connectionId, @Query("limit") int limit, @Query("offset") long offset);

    @GET("v2/access/analytics/mass-messages/{id}/buyers")
    Call<ListingJson<UserJson>> buyers(
            @Header(CONNECTION) String connectionId,
            @Path("id") long messageId,
            @Query("limit") int limit,
            @Query("marker") Long marker);

    @GET("v2/access/analytics/mass-messages/chart")
    Call<ChartJson> chart(
            @Header(CONNECTION) String connectionId,
            @Query("startDate") String startDate,
            @Query("endDate") String endDate);

    @GET("v2/access/subscriptions/count")
    Call<SubscriptionCountJson> subscriptionCounts(@Header(CONNECTION) String connectionId);

    @GET("v2/access/vault/media")
    Call<ListingJson<VaultMediaJson>> vaultMedia(
            @Header(CONNECTION) String connectionId, @Query("limit") int limit, @Query("offset") long offset);

    @POST("v2/access/uploads/init")
    Call<UploadJson.Init> initUpload(@Header(CONNECTION) String connectionId, @Body UploadJson.InitRequest body);

    @PUT("v2/access/uploads/{id}")
    Call<UploadJson.Finished> uploadWhole(
            @Header(CONNECTION) String connectionId, @Path("id") String mediaUploadId, @Body RequestBody bytes);

    @PUT("v2/access/uploads/{id}/parts/{part}")
    Call<ResponseBody> uploadPart(
            @Header(CONNECTION) String connectionId,
            @Path("id") String mediaUploadId,
            @Path("part") int partNumber,
            @Body RequestBody bytes);

    @POST("v2/access/uploads/complete")
    Call<UploadJson.Finished> completeUpload(
            @Header(CONNECTION) String connectionId, @Body UploadJson.CompleteRequest body);

    @GET("v2/access/self")
    Call<SelfJson> self(@Header(CONNECTION) String connectionId);

    @GET("v2/account/whoami")
    Call<WhoamiJson> whoami();

    @GET("v2/account/connections")
    Call<ListingJson<ConnectionJson>> connections(
            @Query("status") String status, @Query("limit") int limit, @Query("offset") long offset);
}
